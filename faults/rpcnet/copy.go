package rpcnet

import (
	"fmt"
	"reflect"
)

// Arguments and replies cross the network as copies, like labgob's
// encoding, so that sender and receiver never share memory. Like gob, only
// exported fields travel: an unexported one arrives as its zero value, and
// the first time a type loses one the network warns, as labgob does.

// deepCopy returns a copy of v that shares no memory with it.
func (n *Network) deepCopy(v any) any {
	if v == nil {
		return nil
	}
	rv := reflect.ValueOf(v)
	out := reflect.New(rv.Type()).Elem()
	n.copyInto(out, rv, map[uintptr]reflect.Value{})
	return out.Interface()
}

// copyReply copies a served reply (a pointer) into the caller's (a pointer
// of the same type).
func (n *Network) copyReply(dst, src any) {
	n.copyInto(reflect.ValueOf(dst).Elem(), reflect.ValueOf(src).Elem(), map[uintptr]reflect.Value{})
}

// copyInto copies src into dst, which must be settable and of src's type.
// seen maps pointers already copied, so cycles and shared pointers survive.
func (n *Network) copyInto(dst, src reflect.Value, seen map[uintptr]reflect.Value) {
	switch src.Kind() {
	case reflect.Pointer:
		n.copyPointer(dst, src, seen)
	case reflect.Interface:
		if src.IsNil() {
			return
		}
		inner := reflect.New(src.Elem().Type()).Elem()
		n.copyInto(inner, src.Elem(), seen)
		dst.Set(inner)
	case reflect.Struct:
		n.copyStruct(dst, src, seen)
	case reflect.Slice:
		if src.IsNil() {
			return
		}
		dst.Set(reflect.MakeSlice(src.Type(), src.Len(), src.Len()))
		for i := range src.Len() {
			n.copyInto(dst.Index(i), src.Index(i), seen)
		}
	case reflect.Array:
		for i := range src.Len() {
			n.copyInto(dst.Index(i), src.Index(i), seen)
		}
	case reflect.Map:
		n.copyMap(dst, src, seen)
	case reflect.Chan, reflect.Func, reflect.UnsafePointer:
		// cannot cross a network; gob refuses them too, so they arrive empty
	default:
		dst.Set(src)
	}
}

func (n *Network) copyPointer(dst, src reflect.Value, seen map[uintptr]reflect.Value) {
	if src.IsNil() {
		return
	}
	if p, ok := seen[src.Pointer()]; ok {
		dst.Set(p)
		return
	}
	p := reflect.New(src.Type().Elem())
	seen[src.Pointer()] = p
	n.copyInto(p.Elem(), src.Elem(), seen)
	dst.Set(p)
}

func (n *Network) copyStruct(dst, src reflect.Value, seen map[uintptr]reflect.Value) {
	t := src.Type()
	for i := range t.NumField() {
		if !t.Field(i).IsExported() {
			n.warnUnexported(t, t.Field(i).Name)
			continue
		}
		n.copyInto(dst.Field(i), src.Field(i), seen)
	}
}

func (n *Network) copyMap(dst, src reflect.Value, seen map[uintptr]reflect.Value) {
	if src.IsNil() {
		return
	}
	m := reflect.MakeMapWithSize(src.Type(), src.Len())
	for iter := src.MapRange(); iter.Next(); {
		k := reflect.New(src.Type().Key()).Elem()
		n.copyInto(k, iter.Key(), seen)
		v := reflect.New(src.Type().Elem()).Elem()
		n.copyInto(v, iter.Value(), seen)
		m.SetMapIndex(k, v)
	}
	dst.Set(m)
}

// warnUnexported warns once per run about each field lost: once is enough
// to find the bug, and every run's log shows it.
func (n *Network) warnUnexported(t reflect.Type, field string) {
	key := t.String() + "." + field
	if _, dup := n.warned.LoadOrStore(key, true); dup {
		return
	}
	n.log.Warn(fmt.Sprintf("lower-case field %s of %s in an RPC does not cross the network: it arrives as its zero value. Capitalize it.", field, t))
}
