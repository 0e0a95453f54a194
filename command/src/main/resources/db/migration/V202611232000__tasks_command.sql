-- Command-side lookup of the households registered per cell (task feature), fed by the subscribing processor
-- "task-directory" in the same transaction as HouseholdsRegistered; never read by the query side.
create table cmd_household (
    organization_id text not null,
    household_id    text not null,
    primary key (organization_id, household_id)
);

-- Which cell keeps each task and each yearly commitment: the web layer checks access on it before sending a command.
create table cmd_task (
    task_id         text primary key,
    organization_id text not null
);

create table cmd_commitment (
    commitment_id   text primary key,
    organization_id text not null
);
