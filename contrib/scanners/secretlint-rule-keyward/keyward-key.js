// Keyward key format (docs/key-format.md): <prefix>_<live|stg|dev>_<43 body><6 check>, all
// base62; check = base62 (six digits, big-endian) of the CRC32 (IEEE, as zlib) of everything
// before it. No dependencies: Node 18's zlib has no crc32().
const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const PREFIX = /^[a-z0-9]{2,12}$/;

const CRC_TABLE = (() => {
    const table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
        let c = n;
        for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
        table[n] = c >>> 0;
    }
    return table;
})();

// The key is ASCII, so its UTF-16 code units are its bytes.
export function crc32(text) {
    let c = 0xffffffff;
    for (let i = 0; i < text.length; i++) c = CRC_TABLE[(c ^ text.charCodeAt(i)) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
}

export function checkCharacters(covered) {
    let n = crc32(covered);
    let check = "";
    for (let i = 0; i < 6; i++) {
        check = BASE62[n % 62] + check;
        n = Math.floor(n / 62);
    }
    return check;
}

// True when key (exactly, nothing around it) is a Keyward key whose check matches.
export function isValidKey(key) {
    if (!/^[a-z0-9]{2,12}_(?:live|stg|dev)_[0-9A-Za-z]{49}$/.test(key)) return false;
    return checkCharacters(key.slice(0, -6)) === key.slice(-6);
}

// What keywardctl shows instead of a key: "kw_live_3Zq…Cd".
export function hint(key) {
    const tail = key.lastIndexOf("_") + 1;
    return key.slice(0, tail + 3) + "\u2026" + key.slice(-2);
}

export function validatePrefixes(prefixes) {
    if (!Array.isArray(prefixes) || prefixes.length === 0)
        throw new TypeError('secretlint-rule-keyward: "prefixes" must be a non-empty array');
    for (const prefix of prefixes) {
        if (typeof prefix !== "string" || !PREFIX.test(prefix))
            throw new TypeError(
                `secretlint-rule-keyward: prefix "${prefix}" is not 2 to 12 lowercase letters or digits`
            );
    }
    return prefixes;
}

// Whole words only, as in the gitleaks, TruffleHog and GitHub rules: "\b" is ASCII here.
export function keyPattern(prefixes) {
    return new RegExp(`\\b(?:${validatePrefixes(prefixes).join("|")})_(?:live|stg|dev)_[0-9A-Za-z]{49}\\b`, "g");
}
