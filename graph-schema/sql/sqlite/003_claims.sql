-- Version 3: claims and live properties.
-- Claims are statements about a vulnerability and a node that are not edges: an advisory's affected
-- ranges for a package (kind 0) and VEX statements about a product (kind 1). They are matched and
-- applied at query time, so an SBOM and an advisory meet whichever arrives first. A claim counts only
-- while its document is current (the same rule as edges).
CREATE TABLE claims (
    id             INTEGER PRIMARY KEY,
    document_id    INTEGER NOT NULL REFERENCES documents (id),
    kind           INTEGER NOT NULL,
    vulnerability  TEXT    NOT NULL,
    subject_kind   INTEGER NOT NULL,
    subject_key    TEXT    NOT NULL,
    payload        TEXT    NOT NULL
);

CREATE INDEX claims_document ON claims (document_id);
