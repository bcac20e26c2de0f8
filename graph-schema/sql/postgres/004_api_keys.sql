-- Version 4: API keys for the server (issue 7), as in the SQLite store's 004.
-- Only the SHA-256 of each key is stored (keys are 256 random bits; see Core/Storage/ApiKeys.cs).
-- role: 1 reader, 2 ingester, 3 admin (ApiKeyRole). A revoked key keeps its row, with revoked_at set.
CREATE TABLE api_keys (
    id          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name        text        NOT NULL,
    role        integer     NOT NULL,
    key_hash    text        NOT NULL UNIQUE,
    created_at  timestamptz NOT NULL,
    revoked_at  timestamptz
);
