// secretlint rule for Keyward API keys: the pattern, then the CRC32 check, so that placeholders
// and changed keys (near-misses) are not reported. Reports the key's hint, never the key.
//   .secretlintrc.json: {"rules": [{"id": "secretlint-rule-keyward", "options": {"prefixes": ["kw"]}}]}
import { hint, isValidKey, keyPattern, validatePrefixes } from "./keyward-key.js";

export const messages = {
    KEYWARD_KEY: {
        en: (props) =>
            `found a Keyward API key ${props.HINT} (its CRC32 check matches): revoke it in the vault and remove it from the history`,
    },
};

export const creator = {
    messages,
    meta: {
        id: "secretlint-rule-keyward",
        recommended: true,
        type: "scanner",
        supportedContentTypes: ["text"],
    },
    create(context, options) {
        const t = context.createTranslator(messages);
        const prefixes = validatePrefixes((options && options.prefixes) || ["kw"]);
        // The keywords: a file without any "<prefix>_" is not matched against the pattern.
        const keywords = prefixes.map((prefix) => prefix + "_");
        const pattern = keyPattern(prefixes);
        return {
            file(source) {
                const content = source.content;
                if (!keywords.some((keyword) => content.includes(keyword))) return;
                for (const match of content.matchAll(pattern)) {
                    if (!isValidKey(match[0])) continue;
                    context.report({
                        message: t("KEYWARD_KEY", { HINT: hint(match[0]) }),
                        range: [match.index, match.index + match[0].length],
                    });
                }
            },
        };
    },
};
