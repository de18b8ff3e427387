goroutine profile: total 12
2 @ 0x483f0e 0x485833 0x485813 0x48f5f3 0x53318e 0x48b2c1
# labels: {"ballot-node":"4"}
#	0x485812	sync.runtime_notifyListWait+0x192	/usr/local/go/src/runtime/sema.go:617
#	0x48f5f2	sync.(*Cond).Wait+0x72			/usr/local/go/src/sync/cond.go:71
#	0x53318d	scratch.TestCapture.func1.4+0x2d	/tmp/scratch/capture_test.go:39

1 @ 0x444931 0x4832bd 0x51d7b1 0x51d5e5 0x51a469 0x532c09 0x4eccaa 0x48b2c1
#	0x51d7b0	runtime/pprof.writeRuntimeProfile+0xb0	/usr/local/go/src/runtime/pprof/pprof.go:851
#	0x51d5e4	runtime/pprof.writeGoroutine+0x44	/usr/local/go/src/runtime/pprof/pprof.go:784
#	0x51a468	runtime/pprof.(*Profile).WriteTo+0x148	/usr/local/go/src/runtime/pprof/pprof.go:408
#	0x532c08	scratch.TestCapture+0x148		/tmp/scratch/capture_test.go:53
#	0x4ecca9	testing.tRunner+0xe9			/usr/local/go/src/testing/testing.go:2036

1 @ 0x483f0e 0x41595c 0x415557 0x533291 0x48b2c1
# labels: {"ballot-node":"1"}
#	0x533290	scratch.TestCapture.func1.1+0x50	/tmp/scratch/capture_test.go:33

1 @ 0x483f0e 0x41692e 0x416472 0x4edcc5 0x4f009e 0x4eccaa 0x4eff65 0x4ee8ec 0x53345b 0x44eeb5 0x48b2c1
#	0x4edcc4	testing.(*T).Run+0x4e4		/usr/local/go/src/testing/testing.go:2109
#	0x4f009d	testing.runTests.func1+0x3d	/usr/local/go/src/testing/testing.go:2585
#	0x4ecca9	testing.tRunner+0xe9		/usr/local/go/src/testing/testing.go:2036
#	0x4eff64	testing.runTests+0x504		/usr/local/go/src/testing/testing.go:2583
#	0x4ee8eb	testing.(*M).Run+0x6ab		/usr/local/go/src/testing/testing.go:2443
#	0x53345a	main.main+0x9a			_testmain.go:46
#	0x44eeb4	runtime.main+0x2d4		/usr/local/go/src/runtime/proc.go:290

1 @ 0x483f0e 0x41692e 0x416472 0x4f1e92 0x5329a5 0x48b2c1
#	0x4f1e91	testing/synctest.testingSynctestTest+0x291	/usr/local/go/src/testing/testing.go:2151
#	0x5329a4	testing/synctest.Test.func1+0x24		/usr/local/go/src/testing/synctest/synctest.go:291

1 @ 0x483f0e 0x461a86 0x53305b 0x4eccaa 0x48b2c1
#	0x53305a	scratch.TestCapture.func1+0x2ba	/tmp/scratch/capture_test.go:47
#	0x4ecca9	testing.tRunner+0xe9		/usr/local/go/src/testing/testing.go:2036

1 @ 0x483f0e 0x4633d2 0x4633a9 0x4854e5 0x48f31d 0x5331fd 0x5331dc 0x5331cf 0x48b2c1
# labels: {"ballot-node":"2"}
#	0x4854e4	internal/sync.runtime_SemacquireMutex+0x24	/usr/local/go/src/runtime/sema.go:95
#	0x48f31c	internal/sync.(*Mutex).lockSlow+0x15c		/usr/local/go/src/internal/sync/mutex.go:149
#	0x5331fc	internal/sync.(*Mutex).Lock+0x3c		/usr/local/go/src/internal/sync/mutex.go:70
#	0x5331db	sync.(*Mutex).Lock+0x1b				/usr/local/go/src/sync/mutex.go:46
#	0x5331ce	scratch.TestCapture.func1.2+0xe			/tmp/scratch/capture_test.go:35

1 @ 0x483f0e 0x4633d2 0x4633a9 0x485545 0x533136 0x53310f 0x48b2c1
# labels: {"ballot-node":"5"}
#	0x485544	sync.runtime_SemacquireRWMutexR+0x24	/usr/local/go/src/runtime/sema.go:100
#	0x533135	sync.(*RWMutex).RLock+0x35		/usr/local/go/src/sync/rwmutex.go:74
#	0x53310e	scratch.TestCapture.func1.5+0xe		/tmp/scratch/capture_test.go:43

1 @ 0x483f0e 0x4633d2 0x4633a9 0x485545 0x533136 0x53310f 0x48b2c1
# labels: {"ballot-node":"6"}
#	0x485544	sync.runtime_SemacquireRWMutexR+0x24	/usr/local/go/src/runtime/sema.go:100
#	0x533135	sync.(*RWMutex).RLock+0x35		/usr/local/go/src/sync/rwmutex.go:74
#	0x53310e	scratch.TestCapture.func1.5+0xe		/tmp/scratch/capture_test.go:43

1 @ 0x483f0e 0x487a26 0x532930 0x48b2c1
#	0x487a25	internal/synctest.Run+0x1e5	/usr/local/go/src/runtime/synctest.go:218
#	0x53292f	testing/synctest.Test+0x8f	/usr/local/go/src/testing/synctest/synctest.go:290

1 @ 0x483f0e 0x487dc5 0x53331d 0x48b2c1
# labels: {"ballot-node":"3", "role":"follower"}
#	0x487dc4	time.Sleep+0x144			/usr/local/go/src/runtime/time.go:361
#	0x53331c	scratch.TestCapture.func1.3.1+0x1c	/tmp/scratch/capture_test.go:37

