-- Version 9 (SQLite only). A compaction of provenance segments (Provenance/SegmentCompaction.cs) used to rewrite
-- its eight segments in one transaction on the committing thread: ~3 s for a server's 32M pairs on the benchmark
-- machine, ~25 s one size class up, with every upload waiting. It now moves a bounded slice of blocks per
-- transaction into the joined segment (registered from the start, so a read finds each block either there or
-- still in its old segment), and this row says which segments are being joined and how far it has come, so a
-- compaction survives a restart. No row: none is under way.
CREATE TABLE provenance_compaction (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    first       INTEGER NOT NULL,   -- the oldest segment being joined
    last        INTEGER NOT NULL,   -- the newest; the joined segment is last + 1
    edge_next   INTEGER NOT NULL,   -- edge_document_blocks: the blocks below this one have moved
    node_next   INTEGER NOT NULL    -- node_document_blocks: the same (the two fill their blocks very differently)
);
