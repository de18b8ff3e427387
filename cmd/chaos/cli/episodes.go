package cli

import (
	"fmt"
	"strings"

	"github.com/ballot-go/ballot/specs/harness"
)

// formatEpisodes writes episodes as --episodes reads them.
func formatEpisodes(eps []harness.Episode) string {
	parts := make([]string, len(eps))
	for i, e := range eps {
		parts[i] = fmt.Sprint(e.Index)
		if e.Hold > 0 {
			parts[i] += "@" + e.Hold.String()
		}
	}
	return strings.Join(parts, ",")
}
