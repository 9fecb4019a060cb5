// Display order of design-thinking phases and board columns.
import type { Phase, TaskStatus } from "../bindings";

export const PHASES: Phase[] = ["empathize", "define", "ideate", "prototype", "test", "deploy"];
export const TASK_STATUSES: TaskStatus[] = ["todo", "doing", "blocked", "done"];
