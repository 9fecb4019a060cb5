// The portfolio screen's state, kept while the DLM visits a project and
// comes back: same filters, same view.
import { PortfolioWindow } from "./portfolio.svelte";

class PortfolioState {
  window = new PortfolioWindow();
  view = $state<"cards" | "list" | "timeline">("cards");
}

export const portfolio = new PortfolioState();
