-- Version 5 (PostgreSQL only: migration numbers are per store; SQLite's 005_document_rows is its own).
-- Provenance written once per document. A commit used to insert one edge_documents / node_documents row per
-- (row, document): two B-tree entries per row keyed by row id, scattered over the whole index, about half of
-- a warm 1,000-component SBOM's commit on the server (docs/BENCHMARKS.md, "PostgreSQL commit pass"). Now a
-- commit writes its document's ids as one row here, sorted and distinct.
CREATE TABLE document_rows (
    document_id  bigint   PRIMARY KEY,
    edge_ids     bigint[] NOT NULL,
    node_ids     bigint[] NOT NULL
);

-- Ids of rows written over time are spread, so pglz saves little on them and cost ~5 ms per 4,000 ids
-- (measured at load 10): store them out of line uncompressed, as documents.raw is.
ALTER TABLE document_rows ALTER COLUMN edge_ids SET STORAGE EXTERNAL;
ALTER TABLE document_rows ALTER COLUMN node_ids SET STORAGE EXTERNAL;

-- One pass over each provenance table (node_documents has no index by document to probe per document).
INSERT INTO document_rows (document_id, edge_ids, node_ids)
SELECT d.id, coalesce(e.ids, '{}'), coalesce(n.ids, '{}')
FROM documents d
LEFT JOIN (SELECT document_id, array_agg(edge_id ORDER BY edge_id) AS ids FROM edge_documents GROUP BY document_id) e
    ON e.document_id = d.id
LEFT JOIN (SELECT document_id, array_agg(node_id ORDER BY node_id) AS ids FROM node_documents GROUP BY document_id) n
    ON n.document_id = d.id;

-- "Which documents assert this edge" (DocumentQueries.ForEdge) without reading every document's list. GIN's
-- pending list (fastupdate, on by default) takes a commit's ids as one append and merges them into the index
-- in bulk later, as the SQLite store's ProvenanceMerger does by hand.
CREATE INDEX document_rows_edges ON document_rows USING gin (edge_ids);

DROP TABLE edge_documents;
DROP TABLE node_documents;
