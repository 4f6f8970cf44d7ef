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
CREATE INDEX connectors_by_source ON connectors (project_id, map_id, source_id);
CREATE INDEX connectors_by_target ON connectors (project_id, map_id, target_id);
