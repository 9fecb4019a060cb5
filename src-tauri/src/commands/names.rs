// The name of every command the shell registers. One list, read by
// `build.rs` (so each command must be granted in `capabilities/`) and by
// the shell's tests (so each registered command is checked as granted).
pub(crate) const COMMANDS: &[&str] = &[
    "startup",
    "save_settings",
    "list_projects",
    "list_project_tags",
    "get_project",
    "create_project",
    "update_project",
    "change_project_status",
    "trash_project",
    "list_trash",
    "restore_project",
    "purge_project",
    "load_sample_projects",
    "remove_sample_projects",
    "list_cycles",
    "create_cycle",
    "update_cycle",
    "delete_cycle",
    "list_tasks",
    "create_task",
    "update_task",
    "move_task",
    "delete_task",
];
