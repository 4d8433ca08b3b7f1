#pragma once

#include <cstddef>
#include <memory>
#include <string.h> // explicit_bzero

namespace Keyward {

// For a std::vector of secret bytes that grows: every buffer it gives back (the old one when
// growth moves the contents, the last one at destruction) is wiped first. Botan::secure_vector
// does the same inside crypto/; this one is for headers, which never include Botan.
template<typename T>
struct WipingAllocator
{
    using value_type = T;
    WipingAllocator() = default;
    template<typename U>
    WipingAllocator(const WipingAllocator<U> &) noexcept
    { }
    T *allocate(std::size_t count) { return std::allocator<T>().allocate(count); }
    void deallocate(T *data, std::size_t count) noexcept
    {
        explicit_bzero(data, count * sizeof(T));
        std::allocator<T>().deallocate(data, count);
    }
    template<typename U>
    bool operator==(const WipingAllocator<U> &) const noexcept
    {
        return true;
    }
    template<typename U>
    bool operator!=(const WipingAllocator<U> &) const noexcept
    {
        return false;
    }
};

} // namespace Keyward
