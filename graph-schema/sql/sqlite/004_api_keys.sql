-- Version 4: API keys for the server (issue 7).
-- Only the SHA-256 of each key is stored (keys are 256 random bits; see Core/Storage/ApiKeys.cs).
-- role: 1 reader, 2 ingester, 3 admin (ApiKeyRole). A revoked key keeps its row, with revoked_at set.
CREATE TABLE api_keys (
    id          INTEGER PRIMARY KEY,
    name        TEXT    NOT NULL,
    role        INTEGER NOT NULL,
    key_hash    TEXT    NOT NULL UNIQUE,
    created_at  TEXT    NOT NULL,
    revoked_at  TEXT
);
