"""sync_tk: the register kept in step with the Tweede Kamer's open-data service (DESIGN.md "Sync
with the Tweede Kamer"): `client` (the OData v4 client: pages, next links, retries), `sets`
(the entity sets and what is asked of each), `run` (a run: cursors, pages written, the run log).
The records themselves are mapped and written by `commitments.tk_import`, as from files."""
