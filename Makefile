# Atelier — the two commands are `make run` and `make test`; both install
# what they need on a fresh Debian/Ubuntu machine first.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := run

CARGO ?= cargo
FEATURES := --features custom-protocol
# System packages the build and the real-window tests need.
APT_PACKAGES := build-essential pkg-config libwebkit2gtk-4.1-dev libxdo-dev libssl-dev \
  librsvg2-dev libayatana-appindicator3-dev xvfb xauth webkit2gtk-driver \
  fonts-dejavu-core fonts-noto-core locales
# Independent readers the tests open exported files with (PDF text and
# fonts, PDF structure, Word through LibreOffice); `make run` needs none.
READER_PACKAGES := poppler-utils qpdf libreoffice-writer-nogui
# What the package check reads the .deb and the installed window with
# (dpkg-shlibdeps, desktop-file-validate, xwininfo).
PACKAGE_CHECK_PACKAGES := dpkg-dev desktop-file-utils x11-utils
TAURI_DRIVER_VERSION := 2.1.0
NODE_MIN := 20.19
# The Tauri CLI of ui/package.json. `make ui` builds the UI first, so the
# CLI's own beforeBuildCommand is left out; the features are `make run`'s.
TAURI := ui/node_modules/.bin/tauri
TAURI_NO_UI_BUILD := -c '{"build":{"beforeBuildCommand":""}}'
VERSION := $(shell sed -n 's/^version = "\(.*\)"$$/\1/p' Cargo.toml | head -n 1)
# The release .deb's budget, in bytes.
DEB_MAX_BYTES := 25000000

.PHONY: run test setup deps-system deps-readers deps-package-check deps-node deps-driver ui bindings rust-test ui-test lint e2e package package-check screenshots bench perf soak clean-e2e

## make run: install what is missing, build, open Atelier on its default data dir.
run: deps-system deps-node ui
	$(CARGO) run $(FEATURES)

## make test: every suite — lint, Rust unit/integration, UI, end-to-end in the real window.
test: deps-system deps-readers deps-node deps-driver ui lint rust-test ui-test e2e package-check
	@echo "All suites passed."

setup: deps-system deps-readers deps-package-check deps-node deps-driver

# Installs those of the Debian packages $(1) that are missing, with the
# apt options $(2); as root it installs them, otherwise it says how.
define apt_install
	@missing=""; for p in $(1); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "Installing:$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(2) $$missing >/dev/null; \
	  else \
	    echo "Missing system packages. Run:"; echo "  sudo apt-get install -y $(2)$$missing"; exit 1; \
	  fi; \
	fi
endef

deps-system:
	$(call apt_install,$(APT_PACKAGES),)

deps-readers:
	$(call apt_install,$(READER_PACKAGES),--no-install-recommends)

deps-package-check:
	$(call apt_install,$(PACKAGE_CHECK_PACKAGES),--no-install-recommends)

deps-node:
	@command -v node >/dev/null || { echo "Node.js $(NODE_MIN)+ is required (node not found)."; exit 1; }
	@node -e 'const [a,b]=process.versions.node.split(".").map(Number);const [x,y]="$(NODE_MIN)".split(".").map(Number);process.exit(a>x||(a===x&&b>=y)?0:1)' \
	  || { echo "Node.js $(NODE_MIN)+ is required; found $$(node --version)."; exit 1; }
	@if [ ! -d ui/node_modules ] || [ ui/package-lock.json -nt ui/node_modules/.package-lock.json ]; then \
	  cd ui && npm ci --no-audit --no-fund; fi

# tauri-driver has no --version flag: cargo's own install record says which
# version is there. --force replaces a tauri-driver binary that cargo did not
# record (or an older one) instead of stopping on "already exists".
deps-driver:
	@$(CARGO) install --list | grep -qx "tauri-driver v$(TAURI_DRIVER_VERSION):" \
	  || $(CARGO) install tauri-driver --version $(TAURI_DRIVER_VERSION) --locked --force

ui: deps-node
	cd ui && npm run build

## make bindings: regenerate ui/src/lib/bindings.ts from the Rust commands.
bindings:
	UPDATE_BINDINGS=1 $(CARGO) test $(FEATURES) --lib bindings_are_fresh

lint:
	$(CARGO) fmt --all --check
	$(CARGO) clippy --workspace --all-targets --features e2e -- -D warnings
	cd ui && npm run check

# The list benchmarks run once on small data (no timing): they prove
# they build, run, and that the store and the SQLite baseline agree.
rust-test:
	$(CARGO) test --workspace $(FEATURES)
	$(CARGO) test -p atelier-store --bench portfolio --bench registry --bench search

ui-test:
	cd ui && npm test

## make e2e: scenarios in the real window (Xvfb + tauri-driver + WebKitWebDriver).
e2e: deps-system deps-driver ui
	$(CARGO) test --features e2e --test 'e2e_*' -- --test-threads=1

## make package: the release .deb (Tauri bundler), for `apt install ./…deb`;
## prints its path and size, and fails over the budget.
package: deps-system deps-node ui
	$(TAURI) build --ci --runner $(CARGO) --bundles deb $(FEATURES) $(TAURI_NO_UI_BUILD)
	@deb=$$(ls -t target/release/bundle/deb/*_$(VERSION)_*.deb | head -n 1); \
	  size=$$(stat -c %s "$$deb"); bin=$$(stat -c %s target/release/atelier); \
	  mb() { awk -v b="$$1" 'BEGIN { printf "%d bytes (%.1f MB)", b, b / 1e6 }'; }; \
	  echo "Package: $$deb"; \
	  echo "  .deb: $$(mb $$size); binary target/release/atelier: $$(mb $$bin)"; \
	  echo "Install it with: sudo apt install ./$$deb"; \
	  if [ "$$size" -gt $(DEB_MAX_BYTES) ]; then echo "The .deb is over its budget of $(DEB_MAX_BYTES) bytes."; exit 1; fi

## make package-check: a .deb of the debug build, its control fields and
## contents checked, installed with apt-get (as root), started from its menu
## entry under Xvfb, and removed again (tests/package.rs). The binary is
## the one `make rust-test` builds (make run's features, no e2e hooks):
## after it nothing compiles again, where `tauri build --debug` would
## compile some 110 crates a second time (their features differ without
## the dev-dependencies): 7 minutes here.
package-check: deps-system deps-package-check deps-node ui
	$(CARGO) test --workspace $(FEATURES) --no-run
	$(TAURI) bundle --ci --debug --bundles deb $(FEATURES)
	ATELIER_DEB="$$(ls -t target/debug/bundle/deb/*_$(VERSION)_*.deb | head -n 1)" \
	  $(CARGO) test --features e2e --test package -- --test-threads=1 --nocapture

## make screenshots: PNGs of the main screens, French and English, in target/screenshots/.
screenshots: deps-system deps-driver ui
	$(CARGO) test --features e2e --test screenshots -- --test-threads=1 --nocapture
	@ls target/screenshots/*.png

## make bench: the portfolio at 5,000 and 50,000 projects, and the vendor
## registry and people directory at 10,000 vendors and 20,000 people,
## the global search over 10,000 projects' worth of records,
## against a SQLite baseline (queries p50/p99 and ratio, save, open,
## memory, as tables), opening a database of 100,000 projects, and a full
## project brief typeset as PDF (criterion).
bench:
	$(CARGO) bench -p atelier-store --bench portfolio
	$(CARGO) bench -p atelier-store --bench registry
	$(CARGO) bench -p atelier-store --bench search
	$(CARGO) bench -p atelier-store --bench open
	$(CARGO) bench -p atelier-export --bench brief_pdf

## make perf: the release build's start to painted portfolio and memory
## (PSS of the app and its WebKit processes) with 0, 1,000 and 10,000
## projects, against a blank Tauri 2 window, under Xvfb (median of 5 runs).
perf: deps-system ui
	$(CARGO) build --release $(FEATURES)
	$(CARGO) build --release -p atelier-blank-window --features custom-protocol
	$(CARGO) test --features e2e --test perf -- --nocapture

## make soak: the reliability suites at full size, each printing its table —
## 200 kills while writing, the damage matrix and 500 random corruptions,
## two instances, a full disk (a small tmpfs, as root). `make test` runs
## them smaller.
soak:
	ATELIER_SOAK_CRASH_ROUNDS=200 ATELIER_SOAK_CORRUPTIONS=500 \
	  $(CARGO) test -p atelier-store --test crash --test damage --test open -- --nocapture --test-threads=1
	$(CARGO) test -p atelier-app --test disk_full -- --nocapture
