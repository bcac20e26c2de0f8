-- Version 2: supersession and history.
-- A newer document about the same subject replaces the older one for current queries; the older
-- stays for history (as-of queries). "Newer" is by effective_at: the time the document says it was
-- created, else when it was ingested, as UTC ISO 8601 text of fixed width so it sorts as text.
ALTER TABLE documents ADD COLUMN effective_at TEXT;
ALTER TABLE documents ADD COLUMN superseded_by INTEGER REFERENCES documents (id);

UPDATE documents SET effective_at = ingested_at WHERE created_at IS NULL;
UPDATE documents SET effective_at = created_at WHERE created_at IS NOT NULL;

CREATE INDEX documents_subject_effective ON documents (subject_kind, subject_key, effective_at, id);

-- Edges by document: loading the current graph asks "is any asserting document current?".
CREATE INDEX edge_documents_document ON edge_documents (document_id, edge_id);
