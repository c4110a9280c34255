package export

import (
	"bytes"
	"compress/zlib"
	"errors"
	"fmt"
	"io"
	"runtime"
	"sort"
	"strconv"
	"sync"
)

// deflateStreams writes a PDF the PDF library wrote without compression
// with every unfiltered stream deflated, and its cross-reference table
// written again for the new offsets.
//
// The library compresses each page with a compressor of its own: some
// 800 KB made and cleared for every page, which took a third of the time
// of a consolidated report of 1,700 pages. Here one compressor serves many
// streams (one per core, the streams shared out). The library's layout of objects is fixed ("N 0 obj", a
// dictionary of one Length, "stream", the bytes, "endstream", "endobj"); an
// object written any other way is copied as it is. A file that does not
// end in the table this expects is refused, and nothing is written.
func deflateStreams(w io.Writer, pdf []byte) error {
	objs, xref, err := pdfObjects(pdf)
	if err != nil {
		return err
	}
	// Each stream deflated apart, on every core, one compressor each.
	chunks := make([][]byte, len(objs))
	plain := make([][]byte, len(objs))
	packed := make([][]byte, len(objs))
	for i, o := range objs {
		end := xref
		if i+1 < len(objs) {
			end = objs[i+1].off
		}
		chunks[i] = pdf[o.off:end]
		if data, ok := plainStream(chunks[i], o.num); ok {
			plain[i] = data
		}
	}
	workers := min(runtime.GOMAXPROCS(0), 4)
	var wg sync.WaitGroup
	for k := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			zw, _ := zlib.NewWriterLevel(nil, zlib.BestSpeed)
			for i := k; i < len(objs); i += workers {
				if plain[i] == nil {
					continue
				}
				var z bytes.Buffer
				z.Grow(len(plain[i])/3 + 64)
				zw.Reset(&z)
				zw.Write(plain[i])
				zw.Close()
				packed[i] = z.Bytes()
			}
		}()
	}
	wg.Wait()

	out := &countWriter{w: w}
	out.Write(pdf[:objs[0].off])
	offsets := make([]int64, len(objs)+1) // by object number
	for i, o := range objs {
		offsets[o.num] = out.n
		if packed[i] == nil {
			out.Write(chunks[i])
			continue
		}
		fmt.Fprintf(out, "%d 0 obj\n<</Filter /FlateDecode /Length %d>>\nstream\n", o.num, len(packed[i]))
		out.Write(packed[i])
		out.Write([]byte("\nendstream\nendobj\n"))
	}
	start := out.n
	fmt.Fprintf(out, "xref\n0 %d\n0000000000 65535 f \n", len(offsets))
	for _, off := range offsets[1:] {
		fmt.Fprintf(out, "%010d 00000 n \n", off)
	}
	trailer := pdf[xref:]
	i := bytes.Index(trailer, []byte("trailer\n"))
	j := bytes.LastIndex(trailer, []byte("startxref\n"))
	out.Write(trailer[i:j])
	fmt.Fprintf(out, "startxref\n%d\n%%%%EOF\n", start)
	return out.err
}

type pdfObject struct {
	num int
	off int64
}

var errPDFLayout = errors.New("the PDF library wrote a file laid out in an unexpected way")

// pdfObjects reads a PDF's cross-reference table: its objects in the
// order they are in the file, and where the table starts.
func pdfObjects(pdf []byte) ([]pdfObject, int64, error) {
	tail := pdf[max(0, len(pdf)-64):]
	k := bytes.LastIndex(tail, []byte("startxref\n"))
	if k < 0 {
		return nil, 0, errPDFLayout
	}
	rest := tail[k+len("startxref\n"):]
	nl := bytes.IndexByte(rest, '\n')
	if nl < 0 {
		return nil, 0, errPDFLayout
	}
	xref, err := strconv.ParseInt(string(rest[:nl]), 10, 64)
	if err != nil || xref <= 0 || xref >= int64(len(pdf)) {
		return nil, 0, errPDFLayout
	}
	t := pdf[xref:]
	if !bytes.HasPrefix(t, []byte("xref\n0 ")) {
		return nil, 0, errPDFLayout
	}
	t = t[len("xref\n0 "):]
	nl = bytes.IndexByte(t, '\n')
	if nl < 0 {
		return nil, 0, errPDFLayout
	}
	size, err := strconv.Atoi(string(t[:nl]))
	if err != nil || size < 2 {
		return nil, 0, errPDFLayout
	}
	t = t[nl+1:]
	const entry = 20 // "0000000123 00000 n \n"
	if len(t) < size*entry || !bytes.HasPrefix(t, []byte("0000000000 65535 f \n")) {
		return nil, 0, errPDFLayout
	}
	objs := make([]pdfObject, 0, size-1)
	for n := 1; n < size; n++ {
		e := t[n*entry : (n+1)*entry]
		if !bytes.HasSuffix(e, []byte(" 00000 n \n")) {
			return nil, 0, errPDFLayout
		}
		off, err := strconv.ParseInt(string(e[:10]), 10, 64)
		if err != nil || off <= 0 || off >= xref {
			return nil, 0, errPDFLayout
		}
		objs = append(objs, pdfObject{num: n, off: off})
	}
	sort.Slice(objs, func(i, j int) bool { return objs[i].off < objs[j].off })
	for i, o := range objs {
		if i > 0 && o.off == objs[i-1].off || !bytes.HasPrefix(pdf[o.off:], []byte(strconv.Itoa(o.num)+" 0 obj\n")) {
			return nil, 0, errPDFLayout
		}
	}
	if !bytes.Contains(pdf[xref:], []byte("trailer\n")) {
		return nil, 0, errPDFLayout
	}
	return objs, xref, nil
}

// plainStream gives the bytes of an object that is a stream with no
// filter and nothing in its dictionary but its length.
func plainStream(chunk []byte, num int) ([]byte, bool) {
	head := strconv.Itoa(num) + " 0 obj\n<</Length "
	if !bytes.HasPrefix(chunk, []byte(head)) {
		return nil, false
	}
	rest := chunk[len(head):]
	k := bytes.Index(rest, []byte(">>\nstream\n"))
	if k < 0 || k > 12 {
		return nil, false
	}
	n, err := strconv.Atoi(string(rest[:k]))
	if err != nil || n < 0 {
		return nil, false
	}
	data := rest[k+len(">>\nstream\n"):]
	if len(data) != n+len("\nendstream\nendobj\n") || !bytes.Equal(data[n:], []byte("\nendstream\nendobj\n")) {
		return nil, false
	}
	return data[:n], true
}

// countWriter counts what it writes and keeps the first error.
type countWriter struct {
	w   io.Writer
	n   int64
	err error
}

func (c *countWriter) Write(p []byte) (int, error) {
	if c.err != nil {
		return 0, c.err
	}
	n, err := c.w.Write(p)
	c.n += int64(n)
	c.err = err
	return n, err
}
