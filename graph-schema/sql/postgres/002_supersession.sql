-- Version 2: supersession and history (as sql/sqlite/002_supersession.sql).
-- A newer document about the same subject replaces the older one for current queries; the older
-- stays for history (as-of queries). "Newer" is by effective_at: the time the document says it was
-- created, else when it was ingested.
ALTER TABLE documents ADD COLUMN effective_at timestamptz;
ALTER TABLE documents ADD COLUMN superseded_by bigint REFERENCES documents (id);

UPDATE documents SET effective_at = coalesce(created_at, ingested_at);

CREATE INDEX documents_subject_effective ON documents (subject_kind, subject_key, effective_at, id);

-- Edges by document: loading the current graph asks "is any asserting document current?".
CREATE INDEX edge_documents_document ON edge_documents (document_id, edge_id);
