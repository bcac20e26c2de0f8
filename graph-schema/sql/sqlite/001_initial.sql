-- ArtifactGraph SQLite schema, version 1.
-- Applied by the store's migration runner inside one transaction; recorded in schema_migrations.
-- Node and edge kinds are stored as the numeric values of NodeKind / EdgeKind (append-only enums).
-- Timestamps are ISO 8601 text; ingested_at and changes.at come from the store's TimeProvider.

-- Every ingested document, kept by the SHA-256 of its raw (decompressed) bytes.
CREATE TABLE documents (
    id            INTEGER PRIMARY KEY,
    sha256        TEXT    NOT NULL UNIQUE,
    format        TEXT    NOT NULL,
    spec_version  TEXT,
    name          TEXT    NOT NULL,
    subject_kind  INTEGER,
    subject_key   TEXT,
    created_at    TEXT,
    ingested_at   TEXT    NOT NULL,
    -- The change sequence that added the document (changes.seq).
    seq           INTEGER NOT NULL,
    -- Size of the original bytes; raw holds them encoded per raw_encoding ('br' = Brotli, 'identity').
    byte_size     INTEGER NOT NULL,
    raw           BLOB    NOT NULL,
    raw_encoding  TEXT    NOT NULL,
    properties    TEXT    NOT NULL DEFAULT '{}'
);

CREATE INDEX documents_seq ON documents (seq);
CREATE INDEX documents_subject ON documents (subject_kind, subject_key);

-- A node is unique by (kind, key); its id is stable for the life of the database.
CREATE TABLE nodes (
    id          INTEGER PRIMARY KEY,
    kind        INTEGER NOT NULL,
    key         TEXT    NOT NULL,
    name        TEXT,
    properties  TEXT    NOT NULL DEFAULT '{}',
    UNIQUE (kind, key)
);

-- An edge is stored once, however many documents assert it (edge_documents holds who did).
CREATE TABLE edges (
    id          INTEGER PRIMARY KEY,
    kind        INTEGER NOT NULL,
    from_id     INTEGER NOT NULL REFERENCES nodes (id),
    to_id       INTEGER NOT NULL REFERENCES nodes (id),
    properties  TEXT    NOT NULL DEFAULT '{}',
    UNIQUE (kind, from_id, to_id)
);

-- Reverse lookups: impact walks edges backwards (who points at this node).
CREATE INDEX edges_to ON edges (to_id, kind);

-- Provenance: which documents assert an edge / a node. There is deliberately no (document_id, ...)
-- index yet: it would cost every commit an extra B-tree insert per row, and nothing looks rows up by
-- document until supersession/deletion exists (add it in that migration).
CREATE TABLE edge_documents (
    edge_id      INTEGER NOT NULL REFERENCES edges (id),
    document_id  INTEGER NOT NULL REFERENCES documents (id),
    PRIMARY KEY (edge_id, document_id)
) WITHOUT ROWID;


CREATE TABLE node_documents (
    node_id      INTEGER NOT NULL REFERENCES nodes (id),
    document_id  INTEGER NOT NULL REFERENCES documents (id),
    PRIMARY KEY (node_id, document_id)
) WITHOUT ROWID;


-- The monotonic change sequence: AUTOINCREMENT so a sequence number is never reused.
CREATE TABLE changes (
    seq          INTEGER PRIMARY KEY AUTOINCREMENT,
    document_id  INTEGER NOT NULL REFERENCES documents (id),
    operation    TEXT    NOT NULL,
    at           TEXT    NOT NULL
);
