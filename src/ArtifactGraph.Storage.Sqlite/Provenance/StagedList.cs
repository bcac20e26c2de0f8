namespace ArtifactGraph.Storage.Sqlite.Provenance;

/// <summary>One staged document's edge or node ids: its <see cref="RowIdList"/> blob, as <c>document_rows</c> holds it.</summary>
internal readonly record struct StagedList(long DocumentId, byte[] Ids);
