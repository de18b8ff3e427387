package tcpnode

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
)

// tempPattern names the temporary files writeAtomic makes, name.RANDOM.tmp,
// so that removeTemps can find those a crash left behind.
const tempPattern = ".*.tmp"

// isTemp matches the files tempPattern makes for the hard state. Not a
// glob: the data directory's own name may hold glob characters.
func isTemp(name string) bool {
	return strings.HasPrefix(name, hardStateFile+".") && strings.HasSuffix(name, ".tmp")
}

// writeAtomic replaces dir/name with data so that a crash leaves either the
// old file or the new one, whole: the data is written to a temporary file
// and synced, renamed over the old one, and the directory is synced so that
// the rename itself survives.
func writeAtomic(dir, name string, data []byte) error {
	f, err := os.CreateTemp(dir, name+tempPattern)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	err = errors.Join(err, f.Sync(), f.Close())
	if err == nil {
		err = os.Rename(f.Name(), filepath.Join(dir, name))
	}
	if err != nil {
		os.Remove(f.Name())
		return err
	}
	return syncDir(dir)
}

func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	return errors.Join(d.Sync(), d.Close())
}

// removeTemps deletes the temporary files of writes a crash interrupted.
// They hold nothing the node needs: the rename never happened.
func removeTemps(dir string) {
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if isTemp(e.Name()) {
			os.Remove(filepath.Join(dir, e.Name()))
		}
	}
}
