package article

import (
	"crypto/sha256"
	"math"
)

// idSet holds the ids of a JSON Lines file's records seen so far, and the
// line each was first on, to report a duplicate id with its first line.
//
// Finding every duplicate in one pass over a stream (standard input, a
// pipe) needs some memory for each distinct id: a filter that forgets, or
// that only says "maybe", would miss duplicates or have to read the input
// again, which a pipe cannot. So the set grows with the records, and is
// kept small: an id stands as a 12-byte key (the first 12 bytes of its
// SHA-256, whatever its length) with a 4-byte line, 16 bytes a record and
// some 24 MB for a million of them, with no pointers for the collector to
// follow. Two different ids share a key with a chance of about n²/2⁹⁷ for
// n records (one in 10¹⁷ for a million), far below that of a memory error;
// the same id always gives the same key.
type idSet struct {
	lines map[idKey]uint32
	// far holds the ids first seen past line 4,294,967,295, which a
	// uint32 cannot hold; a file has none under some 60 GB.
	far map[idKey]int
}

type idKey [12]byte

func keyOf(id string) idKey {
	sum := sha256.Sum256([]byte(id))
	return idKey(sum[:12])
}

// first is the line id was first on, and whether it was seen before.
func (s *idSet) first(id string) (int, bool) {
	k := keyOf(id)
	if line, ok := s.lines[k]; ok {
		return int(line), true
	}
	line, ok := s.far[k]
	return line, ok
}

// add records id as first seen on line.
func (s *idSet) add(id string, line int) {
	k := keyOf(id)
	if line <= math.MaxUint32 {
		if s.lines == nil {
			s.lines = map[idKey]uint32{}
		}
		s.lines[k] = uint32(line)
		return
	}
	if s.far == nil {
		s.far = map[idKey]int{}
	}
	s.far[k] = line
}
