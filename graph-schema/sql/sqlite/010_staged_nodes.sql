-- Version 10 (SQLite only: the PostgreSQL store keeps its unique (kind, key)). A new node used to go into the
-- UNIQUE (kind, key) index in its document's transaction, at a random leaf page: 61% of the pages a tier M commit
-- wrote to the write-ahead log (docs/BENCHMARKS-HISTORY.md, stop 28). A new node is now "staged": appended to the
-- table, outside the unique index, found by the writer through its in-memory map of staged nodes
-- (Writing/StagedNodes.cs). Once enough are staged, one transaction moves them all into the index
-- (UPDATE ... SET staged = 0), whose leaves each take many of the new keys at once.
-- Readers looking a node up by key look in the index, then among the staged rows (Reading/NodeLookup.cs).
--
-- SQLite cannot drop a table's UNIQUE constraint, so the table is rebuilt with the same ids; the runner turns
-- foreign keys off around this script (Migrations/Migration.cs), as SQLite's own procedure for it requires.
CREATE TABLE nodes_rebuilt (
    id          INTEGER PRIMARY KEY,
    kind        INTEGER NOT NULL,
    key         TEXT    NOT NULL,
    name        TEXT,
    properties  TEXT    NOT NULL DEFAULT '{}',
    -- 1 while the node is outside nodes_key (the writer alone keeps it unique), 0 once merged into it.
    staged      INTEGER NOT NULL DEFAULT 0
);

INSERT INTO nodes_rebuilt (id, kind, key, name, properties) SELECT id, kind, key, name, properties FROM nodes;
DROP TABLE nodes;
ALTER TABLE nodes_rebuilt RENAME TO nodes;

-- A node is still unique by (kind, key): merged nodes through this index, staged ones through the writer's map,
-- which is checked before the index on every insert.
CREATE UNIQUE INDEX nodes_key ON nodes (kind, key) WHERE staged = 0;

-- The staged nodes in id order: appended at its right edge (one page a commit), and what a merge and a reader's
-- fallback walk.
CREATE INDEX nodes_staged ON nodes (id) WHERE staged = 1;
