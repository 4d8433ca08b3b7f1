namespace Keyward { void uiPlaceholder() {} }
