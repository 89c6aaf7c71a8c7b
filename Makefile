# Épure: the README's commands. Thin: the work is in scripts/.
#   make run    set up what is missing, build, open the app on a local database with the samples
#   make test   set up what is missing, then every test of the workspace and of the UI
#   make bench  criterion benchmarks
#   make deb    an installable Debian package (offline)

.PHONY: run test bench deb setup ui clean-ui

setup:
	bash scripts/setup.sh

ui: setup
	npm --prefix ui run build

run: ui
	cargo run --release --bin epure-app

test: setup
	bash scripts/test.sh

bench: setup
	cargo bench --workspace

deb: ui
	cd $(CURDIR) && ui/node_modules/.bin/tauri build --bundles deb
