-- Version 6 (SQLite only: the PostgreSQL store answers reverse lookups in SQL and keeps its edges_to).
-- No SQLite query reads edges by their target: every graph walk runs on the in-memory index, and the
-- only edge lookups in SQL go through UNIQUE (kind, from_id, to_id). Yet every new edge inserted into
-- this index at a random leaf (keyed by the target's id), so a 1,000-component SBOM dirtied and wrote
-- ~1,000 scattered pages to the WAL for an index nothing used: about a fifth of its commit
-- (docs/BENCHMARKS.md, "Reverse-edge index dropped").
DROP INDEX IF EXISTS edges_to;
