// Whether the global search is open: the sidebar's button, Ctrl+K and the
// application menu open it from any screen.
class Palette {
  open = $state(false);

  show = (): void => {
    this.open = true;
  };

  close = (): void => {
    this.open = false;
  };
}

export const palette = new Palette();
