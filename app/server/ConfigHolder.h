#pragma once

#include "ServerConfig.h"

#include <memory>

namespace Keyward::Verifyd {

// The configuration the HTTP threads read, replaced whole on reload: a request works with one
// consistent snapshot, and a reload never waits for requests.
class ConfigHolder
{
public:
    explicit ConfigHolder(ServerConfig config)
        : m_config(std::make_shared<const ServerConfig>(std::move(config)))
    { }
    std::shared_ptr<const ServerConfig> get() const { return std::atomic_load(&m_config); }
    void set(ServerConfig config)
    {
        std::atomic_store(&m_config, std::make_shared<const ServerConfig>(std::move(config)));
    }

private:
    std::shared_ptr<const ServerConfig> m_config;
};

} // namespace Keyward::Verifyd
