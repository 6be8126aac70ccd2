-- When each API key was last used. Each API instance remembers uses in memory and writes the
-- newest per key every few seconds (never one row per request); the greatest last_used_at wins.
CREATE TABLE IF NOT EXISTS api_key_usage
(
    key_id       String,
    last_used_at DateTime64(3, 'UTC')
)
ENGINE = ReplacingMergeTree(last_used_at)
ORDER BY key_id;

