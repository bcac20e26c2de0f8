-- Version 8 (SQLite only). A merge used to insert every staged (row, document) pair into edge_documents /
-- node_documents, B-trees keyed by row id: about a microsecond a pair, with pages all over the index rewritten by
-- each merge; a quarter of a tier M bulk load (docs/BENCHMARKS.md, "Provenance blocks"). A merge now writes the
-- same pairs as postings: one row per block of 256 row ids it touches, holding each of those rows' documents
-- (Provenance/PostingBlock.cs), under a key that starts with the merge's segment, so a merge appends at the end of
-- the table and never rewrites an older page. A read looks up one block in each segment.

-- One row per merge: the last document it holds, and how many pairs.
CREATE TABLE provenance_segments (
    id       INTEGER PRIMARY KEY,
    through  INTEGER NOT NULL,
    pairs    INTEGER NOT NULL
);

-- key = (segment << 38) | (row id >> 8): a block of 256 row ids in one segment (PostingBlock.Key).
CREATE TABLE edge_document_blocks (
    key       INTEGER PRIMARY KEY,
    postings  BLOB    NOT NULL
);

CREATE TABLE node_document_blocks (
    key       INTEGER PRIMARY KEY,
    postings  BLOB    NOT NULL
);

-- The pairs merged so far become segment 1, and edge_documents / node_documents are dropped, by the migration's
-- code step (Migrations/ProvenanceBlocksBackfill.cs), which runs next in this transaction.
