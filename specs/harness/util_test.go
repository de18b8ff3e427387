package harness_test

import (
	"math/rand/v2"
	"strconv"
)

func itoa(n int) string { return strconv.Itoa(n) }

func seededRand(seed uint64) *rand.Rand { return rand.New(rand.NewPCG(seed, 0)) }
