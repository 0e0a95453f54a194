-- A cell's candidates (FindCandidates: the roll page's "Quần chúng ưu tú") are a handful of rows among every person
-- the ledger ever registered, most of them members long since. A partial index holds only the candidates, by
-- organisation, so the query reads them without scanning the members; sorting a cell's few candidates by name is
-- left to the query. Blue/green rebuilds copy it with the table's shape (Rebuilds.copyShape reads pg_indexes).
create index member_roll_member_candidates on member_roll_member (organization_id) where status = 'CANDIDATE';
