package cli

import (
	"encoding/json"
	"fmt"
	"time"
)

// duration is a time.Duration that JSON writes as "60s", so that run.json
// reads as the command line did.
type duration time.Duration

// String is "60s" rather than "1m0s" for whole seconds.
func (d duration) String() string {
	if d > 0 && time.Duration(d)%time.Second == 0 {
		return fmt.Sprintf("%ds", time.Duration(d)/time.Second)
	}
	return time.Duration(d).String()
}

func (d duration) MarshalJSON() ([]byte, error) { return json.Marshal(d.String()) }

func (d *duration) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	v, err := time.ParseDuration(s)
	*d = duration(v)
	return err
}
