package labgob

import (
	"encoding/gob"
	"fmt"
	"io"
	"os"
	"reflect"
	"sync"
	"unicode"
	"unicode/utf8"
)

// LabEncoder is a gob.Encoder that warns about lower-case fields.
type LabEncoder struct {
	gob *gob.Encoder
}

// NewEncoder returns an encoder writing to w.
func NewEncoder(w io.Writer) *LabEncoder {
	return &LabEncoder{gob: gob.NewEncoder(w)}
}

// Encode encodes e, as gob.Encoder.Encode.
func (enc *LabEncoder) Encode(e interface{}) error {
	checkValue(e)
	return enc.gob.Encode(e)
}

// EncodeValue encodes value, as gob.Encoder.EncodeValue.
func (enc *LabEncoder) EncodeValue(value reflect.Value) error {
	if value.IsValid() {
		checkType(value.Type())
	}
	return enc.gob.EncodeValue(value)
}

// LabDecoder is a gob.Decoder that warns about lower-case fields and about
// decoding into non-zero values.
type LabDecoder struct {
	gob *gob.Decoder
}

// NewDecoder returns a decoder reading from r.
func NewDecoder(r io.Reader) *LabDecoder {
	return &LabDecoder{gob: gob.NewDecoder(r)}
}

// Decode decodes into e, a pointer, as gob.Decoder.Decode.
func (dec *LabDecoder) Decode(e interface{}) error {
	checkValue(e)
	checkDefault(e)
	return dec.gob.Decode(e)
}

// Register records a concrete type for values sent as interfaces (a log
// entry's Command, say), as gob.Register.
func Register(value interface{}) {
	checkValue(value)
	gob.Register(value)
}

// RegisterName is Register under an explicit name, as gob.RegisterName.
func RegisterName(name string, value interface{}) {
	checkValue(value)
	gob.RegisterName(name, value)
}

var (
	mu sync.Mutex
	// out receives the warnings; tests swap it.
	out io.Writer = os.Stderr
	// lowerChecked holds the types already searched for lower-case fields.
	lowerChecked = map[reflect.Type]bool{}
	// defaultWarned holds the decoded types already warned about.
	defaultWarned = map[reflect.Type]bool{}
)

func warnf(format string, args ...any) {
	fmt.Fprintf(out, format, args...)
}

func checkValue(value interface{}) {
	if value == nil {
		return
	}
	checkType(reflect.TypeOf(value))
}

// checkType warns about the lower-case fields of every struct type reachable
// from t, once per type.
func checkType(t reflect.Type) {
	mu.Lock()
	defer mu.Unlock()
	checkTypeLocked(t)
}

func checkTypeLocked(t reflect.Type) {
	if lowerChecked[t] {
		return
	}
	lowerChecked[t] = true
	switch t.Kind() {
	case reflect.Struct:
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			r, _ := utf8.DecodeRuneInString(f.Name)
			if !unicode.IsUpper(r) {
				warnf("labgob warning: lower-case field %v of %v in RPC or persist/snapshot will break your Raft\n",
					f.Name, t.Name())
			}
			checkTypeLocked(f.Type)
		}
	case reflect.Slice, reflect.Array, reflect.Pointer:
		checkTypeLocked(t.Elem())
	case reflect.Map:
		checkTypeLocked(t.Key())
		checkTypeLocked(t.Elem())
	}
}

// checkDefault warns if the value e points to is not at its zero value,
// once per type of that value.
func checkDefault(e interface{}) {
	v := reflect.ValueOf(e)
	if !v.IsValid() || v.Kind() != reflect.Pointer || v.IsNil() {
		return // gob itself reports the error
	}
	what := nonDefault(v.Elem(), "", 0)
	if what == "" {
		return
	}
	t := v.Elem().Type()
	mu.Lock()
	defer mu.Unlock()
	if defaultWarned[t] {
		return
	}
	defaultWarned[t] = true
	warnf("labgob warning: Decoding into a non-default variable/field %v may not work\n", what)
}

// nonDefault names the first field of v, followed through structs and
// pointers, that is not at its zero value and that gob might leave
// untouched, or returns "".
func nonDefault(v reflect.Value, name string, depth int) string {
	if depth > 3 {
		return ""
	}
	t := v.Type()
	switch v.Kind() {
	case reflect.Struct:
		for i := 0; i < t.NumField(); i++ {
			fname := t.Field(i).Name
			if name != "" {
				fname = name + "." + fname
			}
			if what := nonDefault(v.Field(i), fname, depth+1); what != "" {
				return what
			}
		}
		return ""
	case reflect.Pointer:
		if v.IsNil() {
			return ""
		}
		return nonDefault(v.Elem(), name, depth+1)
	case reflect.Bool,
		reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr,
		reflect.Float32, reflect.Float64, reflect.String:
		if v.IsZero() {
			return ""
		}
		if name == "" {
			return t.Name()
		}
		return name
	}
	return ""
}
