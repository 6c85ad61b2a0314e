"""The history database's schema as numbered migrations: migration N brings version N-1 to N.

A migration, once released, never changes: a database made by any older version of the app
must reach the current schema by running the later steps in order. Each step runs in one
transaction together with the `user_version` bump, so a killed upgrade leaves the old version.
"""

# 'RAhs': Router Advisor history store, in the SQLite header's application_id field. It tells
# our database apart from any other SQLite file someone put at the same path.
APPLICATION_ID = 0x52416873

V1_RUNS_SCANS_DEVICES: tuple[str, ...] = (
    """CREATE TABLE runs (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        created_at TEXT NOT NULL,
        app_version TEXT NOT NULL,
        download_mbps REAL,
        upload_mbps REAL,
        idle_latency_ms REAL,
        loaded_latency_ms REAL,
        grade TEXT,
        device_count INTEGER,
        top_pick TEXT
    )""",
    """CREATE TABLE answers (
        run_id INTEGER PRIMARY KEY REFERENCES runs(id) ON DELETE CASCADE,
        data TEXT NOT NULL
    )""",
    """CREATE TABLE speed_results (
        run_id INTEGER PRIMARY KEY REFERENCES runs(id) ON DELETE CASCADE,
        server_url TEXT,
        data TEXT NOT NULL
    )""",
    """CREATE TABLE scans (
        run_id INTEGER PRIMARY KEY REFERENCES runs(id) ON DELETE CASCADE,
        interface TEXT NOT NULL,
        cidr TEXT NOT NULL,
        gateway TEXT,
        method TEXT NOT NULL,
        data TEXT NOT NULL
    )""",
    """CREATE TABLE recommendations (
        run_id INTEGER PRIMARY KEY REFERENCES runs(id) ON DELETE CASCADE,
        top_pick TEXT,
        data TEXT NOT NULL
    )""",
    # One row per physical device, however many MACs it has used.
    """CREATE TABLE devices (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        name_key TEXT
    )""",
    "CREATE INDEX devices_by_name_key ON devices(name_key)",
    """CREATE TABLE device_macs (
        mac TEXT PRIMARY KEY,
        device_id INTEGER NOT NULL REFERENCES devices(id) ON DELETE CASCADE
    )""",
    "CREATE INDEX device_macs_by_device ON device_macs(device_id)",
    # A device as one run's scan saw it.
    """CREATE TABLE sightings (
        run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
        device_id INTEGER NOT NULL REFERENCES devices(id),
        ip TEXT NOT NULL,
        mac TEXT NOT NULL,
        hostname TEXT,
        vendor TEXT,
        kind TEXT NOT NULL,
        data TEXT NOT NULL,
        PRIMARY KEY (run_id, device_id)
    ) WITHOUT ROWID""",
    "CREATE INDEX sightings_by_device ON sightings(device_id)",
)

# The person's own name for a device, whether they know it, and its kind: attached to the
# identity, so they follow the device through later scans and MAC changes.
V2_DEVICE_LABELS: tuple[str, ...] = (
    """CREATE TABLE device_labels (
        device_id INTEGER PRIMARY KEY REFERENCES devices(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        known INTEGER NOT NULL DEFAULT 0,
        kind TEXT,
        updated_at TEXT NOT NULL
    )""",
)

# Walk tests: a walk through the home, its stops in order (one JSON row per room measured),
# and the wizard run it was saved with. A walk outlives a pruned run (run_id set to NULL).
V3_WALKS: tuple[str, ...] = (
    """CREATE TABLE walks (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        started_at TEXT NOT NULL,
        run_id INTEGER REFERENCES runs(id) ON DELETE SET NULL
    )""",
    "CREATE INDEX walks_by_run ON walks(run_id)",
    """CREATE TABLE walk_stops (
        walk_id INTEGER NOT NULL REFERENCES walks(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        room TEXT NOT NULL,
        data TEXT NOT NULL,
        PRIMARY KEY (walk_id, position)
    ) WITHOUT ROWID""",
)

MIGRATIONS: tuple[tuple[str, ...], ...] = (V1_RUNS_SCANS_DEVICES, V2_DEVICE_LABELS, V3_WALKS)
SCHEMA_VERSION = len(MIGRATIONS)
