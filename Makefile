# stratplan — two commands: `make run` and `make test`.
GO      ?= go
TAGS    := migrated_fynedo
BIN     := bin/stratplan
# Tests read English texts whatever the machine's language.
TESTENV := LANGUAGE=en LC_ALL= LANG=en_US.UTF-8

.PHONY: run build test deps test-deps vet bench fuzz screenshots clean

## run: install what is missing, build, and open the app on your default plan
run: deps build
	./$(BIN)

## build: build bin/stratplan
build:
	$(GO) build -tags $(TAGS) -o $(BIN) ./cmd/stratplan

## test: install what the tests need and run the whole suite with the race detector
test: test-deps vet
	$(TESTENV) $(GO) test -race -tags $(TAGS) -count=1 ./...

deps:
	@scripts/deps.sh build

test-deps:
	@scripts/deps.sh test

STATICCHECK := honnef.co/go/tools/cmd/staticcheck@v0.8.2

vet:
	$(GO) vet -tags $(TAGS) ./...
	@test -z "$$(gofmt -l .)" || { echo "gofmt would change:"; gofmt -l .; exit 1; }
	$(GO) run $(STATICCHECK) -tags $(TAGS) ./...

## bench: the benchmarks behind the figures in the README
bench:
	$(GO) test -tags $(TAGS) -run '^$$' -bench . -benchtime 2s ./...

## fuzz: fuzz the bundle and entity decoders for FUZZTIME each (default 60s)
FUZZTIME ?= 60s
fuzz:
	$(GO) test -tags $(TAGS) -run '^$$' -fuzz 'FuzzDecodeBundle$$' -fuzztime $(FUZZTIME) ./export/
	$(GO) test -tags $(TAGS) -run '^$$' -fuzz 'FuzzBundlePayload$$' -fuzztime $(FUZZTIME) ./export/
	$(GO) test -tags $(TAGS) -run '^$$' -fuzz 'FuzzParseEntity$$' -fuzztime $(FUZZTIME) .

## screenshots: redo docs/screenshots from the real window (needs Xvfb)
screenshots: test-deps build
	scripts/screenshots.sh $(BIN) docs/screenshots

clean:
	rm -rf bin
