-- Version 5 (SQLite only: migration numbers are per store, and the PostgreSQL store stays at 004).
-- Provenance written once per document. A commit used to insert one edge_documents / node_documents row per
-- (row, document); those B-trees are keyed by row id, so every document dirtied pages all over them, about
-- half the commit's CPU (docs/BENCHMARKS.md, "Provenance per document"). Now a commit writes its document's
-- ids as one row here, and edge_documents / node_documents become an index filled from these rows in bulk
-- (ProvenanceMerger). Reads take the union of the index and the documents not yet merged.

-- Each document's edge and node ids, sorted and distinct, as delta varints (Provenance/RowIdList.cs).
CREATE TABLE document_rows (
    document_id  INTEGER PRIMARY KEY REFERENCES documents (id),
    edge_count   INTEGER NOT NULL,
    node_count   INTEGER NOT NULL,
    edge_ids     BLOB    NOT NULL,
    node_ids     BLOB    NOT NULL
);

-- Documents with id <= merged_through are in edge_documents / node_documents; later ones are staged.
-- Document ids only grow (rows are never deleted, so SQLite hands out max(id) + 1), and the merge advances
-- this in the transaction that writes the index rows.
CREATE TABLE provenance_merge (
    id              INTEGER PRIMARY KEY CHECK (id = 1),
    merged_through  INTEGER NOT NULL
);

-- Every existing document is already in the index; its document_rows row is filled by the migration's code
-- step (Migrations/DocumentRowsBackfill.cs), which runs next in this transaction.
INSERT INTO provenance_merge (id, merged_through) SELECT 1, coalesce(max(id), 0) FROM documents;

-- Loading the current graph now reads the current documents' lists instead of this index (002).
DROP INDEX edge_documents_document;
