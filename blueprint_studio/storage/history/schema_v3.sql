CREATE TABLE meta (
	"key" VARCHAR(64) NOT NULL, 
	value TEXT NOT NULL, 
	PRIMARY KEY ("key")
);
CREATE TABLE project (
	id VARCHAR(200) NOT NULL, 
	revision INTEGER NOT NULL, 
	title TEXT NOT NULL, 
	organisation TEXT NOT NULL, 
	date TEXT NOT NULL, 
	trainer TEXT NOT NULL, 
	group_name TEXT NOT NULL, 
	notes TEXT NOT NULL, 
	PRIMARY KEY (id)
);
CREATE TABLE maps (
	project_id VARCHAR(200) NOT NULL, 
	id VARCHAR(200) NOT NULL, 
	position INTEGER NOT NULL, 
	name TEXT NOT NULL, 
	kind VARCHAR(40) NOT NULL, 
	description TEXT NOT NULL, 
	show_emotion_curve BOOLEAN NOT NULL, 
	PRIMARY KEY (project_id, id), 
	FOREIGN KEY(project_id) REFERENCES project (id) ON DELETE CASCADE
);
CREATE TABLE brainstorms (
	project_id VARCHAR(200) NOT NULL, 
	id VARCHAR(200) NOT NULL, 
	position INTEGER NOT NULL, 
	name TEXT NOT NULL, 
	technique VARCHAR(40) NOT NULL, 
	notes TEXT NOT NULL, 
	PRIMARY KEY (project_id, id), 
	FOREIGN KEY(project_id) REFERENCES project (id) ON DELETE CASCADE
);
CREATE TABLE screenings (
	project_id VARCHAR(200) NOT NULL, 
	id VARCHAR(200) NOT NULL, 
	position INTEGER NOT NULL, 
	name TEXT NOT NULL, 
	pass_threshold DOUBLE NOT NULL, 
	missing_rule VARCHAR(40) NOT NULL, 
	weight_source VARCHAR(40) NOT NULL, 
	dots_per_voter INTEGER NOT NULL, 
	notes TEXT NOT NULL, 
	PRIMARY KEY (project_id, id), 
	FOREIGN KEY(project_id) REFERENCES project (id) ON DELETE CASCADE
);
CREATE TABLE stages (
	project_id VARCHAR(200) NOT NULL, 
	map_id VARCHAR(200) NOT NULL, 
	id VARCHAR(200) NOT NULL, 
	position INTEGER NOT NULL, 
	name TEXT NOT NULL, 
	description TEXT NOT NULL, 
	phase TEXT NOT NULL, 
	width DOUBLE, 
	PRIMARY KEY (project_id, map_id, id), 
	FOREIGN KEY(project_id, map_id) REFERENCES maps (project_id, id) ON DELETE CASCADE
);
CREATE TABLE lanes (
	project_id VARCHAR(200) NOT NULL, 
	map_id VARCHAR(200) NOT NULL, 
	id VARCHAR(200) NOT NULL, 
	position INTEGER NOT NULL, 
	kind VARCHAR(40) NOT NULL, 
	name TEXT NOT NULL, 
	colour TEXT NOT NULL, 
	PRIMARY KEY (project_id, map_id, id), 
	FOREIGN KEY(project_id, map_id) REFERENCES maps (project_id, id) ON DELETE CASCADE
);
CREATE TABLE ideas (
	project_id VARCHAR(200) NOT NULL, 
	brainstorm_id VARCHAR(200) NOT NULL, 
	id VARCHAR(200) NOT NULL, 
	position INTEGER NOT NULL, 
	title TEXT NOT NULL, 
	description TEXT NOT NULL, 
	card_refs TEXT NOT NULL, 
	PRIMARY KEY (project_id, brainstorm_id, id), 
	FOREIGN KEY(project_id, brainstorm_id) REFERENCES brainstorms (project_id, id) ON DELETE CASCADE
);
CREATE TABLE criteria (
	project_id VARCHAR(200) NOT NULL, 
	screening_id VARCHAR(200) NOT NULL, 
	id VARCHAR(200) NOT NULL, 
	position INTEGER NOT NULL, 
	name TEXT NOT NULL, 
	description TEXT NOT NULL, 
	weight DOUBLE NOT NULL, 
	PRIMARY KEY (project_id, screening_id, id), 
	FOREIGN KEY(project_id, screening_id) REFERENCES screenings (project_id, id) ON DELETE CASCADE
);
CREATE TABLE voters (
	project_id VARCHAR(200) NOT NULL, 
	screening_id VARCHAR(200) NOT NULL, 
	id VARCHAR(200) NOT NULL, 
	position INTEGER NOT NULL, 
	name TEXT NOT NULL, 
	PRIMARY KEY (project_id, screening_id, id), 
	FOREIGN KEY(project_id, screening_id) REFERENCES screenings (project_id, id) ON DELETE CASCADE
);
CREATE TABLE concepts (
	project_id VARCHAR(200) NOT NULL, 
	screening_id VARCHAR(200) NOT NULL, 
	id VARCHAR(200) NOT NULL, 
	position INTEGER NOT NULL, 
	title TEXT NOT NULL, 
	description TEXT NOT NULL, 
	idea_id TEXT NOT NULL, 
	chosen BOOLEAN NOT NULL, 
	target_persona TEXT NOT NULL, 
	problem TEXT NOT NULL, 
	solution TEXT NOT NULL, 
	card_refs TEXT NOT NULL, 
	resources TEXT NOT NULL, 
	success_kpi TEXT NOT NULL, 
	hypothesis TEXT NOT NULL, 
	test_method TEXT NOT NULL, 
	participants TEXT NOT NULL, 
	tasks TEXT NOT NULL, 
	success_measure TEXT NOT NULL, 
	result TEXT NOT NULL, 
	next_step TEXT NOT NULL, 
	PRIMARY KEY (project_id, screening_id, id), 
	FOREIGN KEY(project_id, screening_id) REFERENCES screenings (project_id, id) ON DELETE CASCADE
);
CREATE TABLE cards (
	project_id VARCHAR(200) NOT NULL, 
	map_id VARCHAR(200) NOT NULL, 
	id VARCHAR(200) NOT NULL, 
	stage_id VARCHAR(200) NOT NULL, 
	lane_id VARCHAR(200) NOT NULL, 
	position INTEGER NOT NULL, 
	text TEXT NOT NULL, 
	kind VARCHAR(40) NOT NULL, 
	channel VARCHAR(40), 
	emotion INTEGER, 
	moment_of_truth BOOLEAN NOT NULL, 
	fail_point BOOLEAN NOT NULL, 
	wait_minutes DOUBLE, 
	duration_minutes DOUBLE, 
	owner TEXT NOT NULL, 
	notes TEXT NOT NULL, 
	colour TEXT NOT NULL, 
	PRIMARY KEY (project_id, map_id, id), 
	FOREIGN KEY(project_id, map_id) REFERENCES maps (project_id, id) ON DELETE CASCADE, 
	FOREIGN KEY(project_id, map_id, stage_id) REFERENCES stages (project_id, map_id, id) ON DELETE CASCADE, 
	FOREIGN KEY(project_id, map_id, lane_id) REFERENCES lanes (project_id, map_id, id) ON DELETE CASCADE
);
CREATE INDEX cards_by_stage ON cards (project_id, map_id, stage_id);
CREATE INDEX cards_by_lane ON cards (project_id, map_id, lane_id);
CREATE TABLE comparisons (
	project_id VARCHAR(200) NOT NULL, 
	screening_id VARCHAR(200) NOT NULL, 
	id VARCHAR(200) NOT NULL, 
	first_id VARCHAR(200) NOT NULL, 
	second_id VARCHAR(200) NOT NULL, 
	value DOUBLE NOT NULL, 
	PRIMARY KEY (project_id, screening_id, id), 
	FOREIGN KEY(project_id, screening_id) REFERENCES screenings (project_id, id) ON DELETE CASCADE, 
	FOREIGN KEY(project_id, screening_id, first_id) REFERENCES criteria (project_id, screening_id, id) ON DELETE CASCADE, 
	FOREIGN KEY(project_id, screening_id, second_id) REFERENCES criteria (project_id, screening_id, id) ON DELETE CASCADE
);
CREATE INDEX comparisons_by_first ON comparisons (project_id, screening_id, first_id);
CREATE INDEX comparisons_by_second ON comparisons (project_id, screening_id, second_id);
CREATE TABLE scores (
	project_id VARCHAR(200) NOT NULL, 
	screening_id VARCHAR(200) NOT NULL, 
	id VARCHAR(200) NOT NULL, 
	concept_id VARCHAR(200) NOT NULL, 
	criterion_id VARCHAR(200) NOT NULL, 
	voter_id VARCHAR(200) NOT NULL, 
	value INTEGER NOT NULL, 
	PRIMARY KEY (project_id, screening_id, id), 
	FOREIGN KEY(project_id, screening_id) REFERENCES screenings (project_id, id) ON DELETE CASCADE, 
	FOREIGN KEY(project_id, screening_id, concept_id) REFERENCES concepts (project_id, screening_id, id) ON DELETE CASCADE, 
	FOREIGN KEY(project_id, screening_id, criterion_id) REFERENCES criteria (project_id, screening_id, id) ON DELETE CASCADE, 
	FOREIGN KEY(project_id, screening_id, voter_id) REFERENCES voters (project_id, screening_id, id) ON DELETE CASCADE
);
CREATE INDEX scores_by_concept ON scores (project_id, screening_id, concept_id);
CREATE INDEX scores_by_voter ON scores (project_id, screening_id, voter_id);
CREATE INDEX scores_by_criterion ON scores (project_id, screening_id, criterion_id);
CREATE TABLE dot_votes (
	project_id VARCHAR(200) NOT NULL, 
	screening_id VARCHAR(200) NOT NULL, 
	id VARCHAR(200) NOT NULL, 
	concept_id VARCHAR(200) NOT NULL, 
	voter_id VARCHAR(200) NOT NULL, 
	dots INTEGER NOT NULL, 
	PRIMARY KEY (project_id, screening_id, id), 
	FOREIGN KEY(project_id, screening_id) REFERENCES screenings (project_id, id) ON DELETE CASCADE, 
	FOREIGN KEY(project_id, screening_id, concept_id) REFERENCES concepts (project_id, screening_id, id) ON DELETE CASCADE, 
	FOREIGN KEY(project_id, screening_id, voter_id) REFERENCES voters (project_id, screening_id, id) ON DELETE CASCADE
);
CREATE INDEX dot_votes_by_concept ON dot_votes (project_id, screening_id, concept_id);
CREATE INDEX dot_votes_by_voter ON dot_votes (project_id, screening_id, voter_id);
CREATE TABLE connectors (
	project_id VARCHAR(200) NOT NULL, 
	map_id VARCHAR(200) NOT NULL, 
	id VARCHAR(200) NOT NULL, 
	source_id VARCHAR(200) NOT NULL, 
	target_id VARCHAR(200) NOT NULL, 
	label TEXT NOT NULL, 
	PRIMARY KEY (project_id, map_id, id), 
	FOREIGN KEY(project_id, map_id) REFERENCES maps (project_id, id) ON DELETE CASCADE, 
	FOREIGN KEY(project_id, map_id, source_id) REFERENCES cards (project_id, map_id, id) ON DELETE CASCADE, 
	FOREIGN KEY(project_id, map_id, target_id) REFERENCES cards (project_id, map_id, id) ON DELETE CASCADE
);
CREATE INDEX connectors_by_target ON connectors (project_id, map_id, target_id);
CREATE INDEX connectors_by_source ON connectors (project_id, map_id, source_id);
