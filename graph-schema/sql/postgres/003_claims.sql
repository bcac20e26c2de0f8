-- Version 3: claims and live properties (as sql/sqlite/003_claims.sql).
-- Claims are statements about a vulnerability and a node that are not edges: an advisory's affected
-- ranges for a package (kind 0) and VEX statements about a product (kind 1). A claim counts only
-- while its document is current (the same rule as edges). Live properties need no schema: the writer
-- merges `live:` keys latest-wins with jsonb ||.
CREATE TABLE claims (
    id             bigint  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    document_id    bigint  NOT NULL REFERENCES documents (id),
    kind           integer NOT NULL,
    vulnerability  text    NOT NULL,
    subject_kind   integer NOT NULL,
    subject_key    text    NOT NULL,
    payload        text    NOT NULL
);

CREATE INDEX claims_document ON claims (document_id);
