-- Where a client's retraining stands (a history import queues one): the stage, counts, when it
-- started and finished, and the error of a failed run (the previous model then stays current).
alter table categorize_state add column training_progress jsonb;
