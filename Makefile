# stratplan — two commands: `make run` and `make test`.
GO      ?= go
TAGS    := migrated_fynedo
BIN     := bin/stratplan
# Tests read English texts whatever the machine's language.
TESTENV := LANGUAGE=en LC_ALL= LANG=en_US.UTF-8

.PHONY: run build test deps test-deps vet bench fuzz screenshots fresh-check dist dist-deps clean

## run: install what is missing, build, and open the app on your default plan
run: deps build
	./$(BIN)

## build: build bin/stratplan
build:
	$(GO) build -tags $(TAGS) -o $(BIN) ./cmd/stratplan

## test: install what the tests need and run the whole suite with the race detector
## (the window tests take 6 minutes under the race detector on two idle cores, far more on busy ones: hence a longer timeout than go test's 10 minutes)
test: test-deps vet
	$(TESTENV) $(GO) test -race -tags $(TAGS) -count=1 -timeout 45m ./...

deps:
	@scripts/deps.sh build

test-deps:
	@scripts/deps.sh test

STATICCHECK := honnef.co/go/tools/cmd/staticcheck@v0.8.2

vet:
	$(GO) vet -tags $(TAGS) ./...
	@test -z "$$(gofmt -l .)" || { echo "gofmt would change:"; gofmt -l .; exit 1; }
	$(GO) run $(STATICCHECK) -tags $(TAGS) ./...

## bench: measure every bar of the design and print one table (BENCHFLAGS=-quick skips the slow rows)
bench: test-deps
	$(TESTENV) $(GO) run ./internal/benchtable $(BENCHFLAGS)

## fuzz: fuzz the bundle and entity decoders for FUZZTIME each (default 60s)
FUZZTIME ?= 60s
fuzz:
	$(GO) test -tags $(TAGS) -run '^$$' -fuzz 'FuzzDecodeBundle$$' -fuzztime $(FUZZTIME) ./export/
	$(GO) test -tags $(TAGS) -run '^$$' -fuzz 'FuzzBundlePayload$$' -fuzztime $(FUZZTIME) ./export/
	$(GO) test -tags $(TAGS) -run '^$$' -fuzz 'FuzzParseEntity$$' -fuzztime $(FUZZTIME) .

## screenshots: redo docs/screenshots from the real window (needs Xvfb)
screenshots: test-deps build
	scripts/screenshots.sh $(BIN) docs/screenshots

## dist: dist/ gets the Linux package and the Windows .exe (installs mingw-w64 when missing)
dist: dist-deps
	scripts/dist.sh

dist-deps:
	@scripts/deps.sh dist

## fresh-check: the README's commands on a fresh minimal Debian 12 root (as root; 20+ minutes cold)
fresh-check:
	scripts/fresh-check.sh

clean:
	rm -rf bin dist
