# The two commands README.md documents: `make site` and `make test`.
.PHONY: site test check deps release

deps:
	@scripts/ensure-libcmark.sh

# Builds the site from Content/ and Templates/ into Site/.
site: deps
	swift build -c release --product atom-audit
	.build/release/atom-audit build

# Runs every test (unit, rendering and end-to-end).
test: deps
	swift test

check: deps
	swift run atom-audit check
