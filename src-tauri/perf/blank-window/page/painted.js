// Once the page has drawn its first frame, one IPC call says so, as
// Atelier's window does once its first screen is drawn.
requestAnimationFrame(() =>
  requestAnimationFrame(() => window.__TAURI_INTERNALS__.invoke("painted")),
);
