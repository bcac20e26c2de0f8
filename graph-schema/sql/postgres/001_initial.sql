-- ArtifactGraph PostgreSQL schema, version 1 (the same tables as sql/sqlite/001_initial.sql).
-- Applied by the store's migration runner: all pending migrations in one transaction, under an advisory
-- lock so two processes opening the same database do not migrate at once; recorded in schema_migrations.
-- Node and edge kinds are stored as the numeric values of NodeKind / EdgeKind (append-only enums).
-- ingested_at and changes.at come from the store's TimeProvider.

-- Every ingested document, kept by the SHA-256 of its raw (decompressed) bytes.
CREATE TABLE documents (
    id            bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    sha256        text        NOT NULL UNIQUE,
    format        text        NOT NULL,
    spec_version  text,
    name          text        NOT NULL,
    subject_kind  integer,
    subject_key   text,
    created_at    timestamptz,
    ingested_at   timestamptz NOT NULL,
    -- The change sequence that added the document (changes.seq).
    seq           bigint      NOT NULL,
    -- Size of the original bytes; raw holds them encoded per raw_encoding ('br' = Brotli, 'identity').
    byte_size     bigint      NOT NULL,
    raw           bytea       NOT NULL,
    raw_encoding  text        NOT NULL,
    properties    jsonb       NOT NULL DEFAULT '{}'
);

-- raw is already Brotli-compressed by the store (or incompressible): keep it out of line without
-- PostgreSQL trying pglz on it again.
ALTER TABLE documents ALTER COLUMN raw SET STORAGE EXTERNAL;

CREATE INDEX documents_seq ON documents (seq);
CREATE INDEX documents_subject ON documents (subject_kind, subject_key);

-- A node is unique by (kind, key); its id is stable for the life of the database.
CREATE TABLE nodes (
    id          bigint  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind        integer NOT NULL,
    key         text    NOT NULL,
    name        text,
    properties  jsonb   NOT NULL DEFAULT '{}',
    UNIQUE (kind, key)
);

-- An edge is stored once, however many documents assert it (edge_documents holds who did).
-- from_id and to_id name nodes.id, and the provenance tables' columns name edges, nodes and documents,
-- but none of them is declared a FOREIGN KEY: PostgreSQL checks each with a per-row trigger after the
-- statement, which measured at most of a chunk's time (four checks per edge). The SQLite store leaves the
-- same checks off on its writer for the same reason. Nothing is lost: every id the writer binds was just
-- inserted or read back in the same transaction (under the write lock), and rows are never deleted.
CREATE TABLE edges (
    id          bigint  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind        integer NOT NULL,
    from_id     bigint  NOT NULL,
    to_id       bigint  NOT NULL,
    properties  jsonb   NOT NULL DEFAULT '{}',
    UNIQUE (kind, from_id, to_id)
);

-- Reverse lookups: impact walks edges backwards (who points at this node). from_id is in the key too
-- (SQLite's is (to_id, kind)): the writer's set-based statements look edges up by (kind, from_id, to_id)
-- with generic plans that cannot tell this index from the unique one, and a popular target (a package in
-- every image) has thousands of entries per (to_id, kind); with from_id every probe is exact.
CREATE INDEX edges_to ON edges (to_id, kind, from_id);

-- Provenance: which documents assert an edge / a node.
CREATE TABLE edge_documents (
    edge_id      bigint NOT NULL,
    document_id  bigint NOT NULL,
    PRIMARY KEY (edge_id, document_id)
);

CREATE TABLE node_documents (
    node_id      bigint NOT NULL,
    document_id  bigint NOT NULL,
    PRIMARY KEY (node_id, document_id)
);

-- The monotonic change sequence. An identity never hands out a value twice; a rolled-back commit
-- leaves a gap, which is allowed (the sequence is strictly increasing, not dense). Writers hold an
-- advisory lock for the whole document, so sequence order is commit order.
CREATE TABLE changes (
    seq          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    document_id  bigint      NOT NULL REFERENCES documents (id),
    operation    text        NOT NULL,
    at           timestamptz NOT NULL
);
