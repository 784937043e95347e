"""Writes of imports, by subject: jobs before the commit (upload, mapping, queueing), the
commit a worker runs, and undo."""

from imports.services.commit import (
    DATABASE_UNAVAILABLE,
    INTERNAL_ERROR,
    NO_LONGER_AN_EDITOR,
    import_job_execute,
    mark_failed,
)
from imports.services.jobs import (
    COMMIT_TASK,
    ImportConflictError,
    import_job_commit,
    import_job_configure,
    import_job_create,
)
from imports.services.undo import import_job_undo

__all__ = [
    "COMMIT_TASK",
    "DATABASE_UNAVAILABLE",
    "INTERNAL_ERROR",
    "NO_LONGER_AN_EDITOR",
    "ImportConflictError",
    "import_job_commit",
    "import_job_configure",
    "import_job_create",
    "import_job_execute",
    "import_job_undo",
    "mark_failed",
]
