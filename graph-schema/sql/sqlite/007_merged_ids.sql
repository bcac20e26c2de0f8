-- Version 7 (SQLite only: the PostgreSQL store merges nothing later). The merge step grows with the ids already
-- merged (SqliteStoreOptions.ProvenanceMergeIds), so the writer needs that total when the store opens. Summed from
-- document_rows it read every row's leaf page: ~0.5 s for a 10,000-image store, on every open of every command.
-- Kept here instead, advanced by each merge in its own transaction, and filled once now.
ALTER TABLE provenance_merge ADD COLUMN merged_ids INTEGER NOT NULL DEFAULT 0;
UPDATE provenance_merge SET merged_ids = (
    SELECT coalesce(sum(edge_count + node_count), 0) FROM document_rows WHERE document_id <= provenance_merge.merged_through);
