package forumkb.extract;

/** Crash reports as developers paste them, one per kind of crash the parser must read. */
final class CrashReportSamples {

	private CrashReportSamples() {
	}

	/** iOS app, classic text: a message sent to a freed object. */
	static final String BAD_ACCESS = """
			Incident Identifier: 6F0D3A52-8E1B-4C2A-9B8E-3C1D2E4F5A6B
			CrashReporter Key:   4b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c
			Hardware Model:      iPhone14,5
			Process:             Feedly [2231]
			Path:                /private/var/containers/Bundle/Application/0B1C2D3E-4F5A-6B7C-8D9E-0F1A2B3C4D5E/Feedly.app/Feedly
			Identifier:          com.example.feedly
			Version:             3.2 (311)
			Code Type:           ARM-64 (Native)
			Parent Process:      launchd [1]

			Date/Time:           2025-02-11 09:14:22.1234 +0100
			OS Version:          iPhone OS 18.2 (22C152)
			Report Version:      104

			Exception Type:  EXC_BAD_ACCESS (SIGSEGV)
			Exception Subtype: KERN_INVALID_ADDRESS at 0x000000000000001c
			Exception Codes: 0x0000000000000001, 0x000000000000001c
			VM Region Info: 0x1c is not in any region.  Bytes before following region: 4305518564
			Termination Reason: Namespace SIGNAL, Code 11 Segmentation fault: 11
			Terminating Process: exc handler [2231]

			Triggered by Thread:  0

			Thread 0 name:   Dispatch queue: com.apple.main-thread
			Thread 0 Crashed:
			0   libobjc.A.dylib               	0x0000000199a3c1a0 objc_msgSend + 32
			1   Feedly                        	0x0000000100f1c2a4 -[FeedViewController tableView:cellForRowAtIndexPath:] + 212 (FeedViewController.m:88)
			2   UIKitCore                     	0x000000019c9e1d30 -[UITableView _createPreparedCellForGlobalRow:withIndexPath:willDisplay:] + 1012
			3   UIKitCore                     	0x000000019c9e18bc -[UITableView _updateVisibleCellsNow:] + 2048
			4   UIKitCore                     	0x000000019c71fae8 UIApplicationMain + 340

			Thread 1:
			0   libsystem_pthread.dylib       	0x00000001f9e4ed10 start_wqthread + 0

			Thread 0 crashed with ARM Thread State (64-bit):
			    x0: 0x0000000283f1c000   x1: 0x00000001e2c5a1b2   x2: 0x0000000000000000   x3: 0x0000000000000001
			    fp: 0x000000016f2f2be0   lr: 0x0000000100f1c2a4   sp: 0x000000016f2f2ba0   pc: 0x0000000199a3c1a0 cpsr: 0x20000000

			Binary Images:
			       0x100f14000 -        0x10111ffff Feedly arm64  <96402983ae0d6398190f6951a05aa318> /private/var/containers/Bundle/Application/0B1C2D3E-4F5A-6B7C-8D9E-0F1A2B3C4D5E/Feedly.app/Feedly
			       0x199a38000 -        0x199a7bfff libobjc.A.dylib arm64e  <b42eee64e302ee22bc663708d01a8f11> /usr/lib/libobjc.A.dylib

			EOF
			""";

	/**
	 * Uncaught NSException: the crashed thread only aborts; the Last Exception Backtrace
	 * has the cause.
	 */
	static final String UNCAUGHT_EXCEPTION = """
			Process:             Ledger [5120]
			Identifier:          com.example.ledger
			Code Type:           ARM-64 (Native)
			OS Version:          iPhone OS 17.5.1 (21F90)

			Exception Type:  EXC_CRASH (SIGABRT)
			Exception Codes: 0x0000000000000000, 0x0000000000000000
			Termination Reason: Namespace SIGNAL, Code 6 Abort trap: 6
			Terminating Process: Ledger [5120]

			Triggered by Thread:  0

			Application Specific Information:
			abort() called
			*** Terminating app due to uncaught exception 'NSInvalidArgumentException', reason: '-[__NSCFString objectForKey:]: unrecognized selector sent to instance 0x600000c4a3c0'

			Last Exception Backtrace:
			0   CoreFoundation                	0x19a0ea5fc __exceptionPreprocess + 164
			1   libobjc.A.dylib               	0x197685244 objc_exception_throw + 88
			2   CoreFoundation                	0x19a1c1b10 -[NSObject(NSObject) doesNotRecognizeSelector:] + 144
			3   CoreFoundation                	0x19a0ee2a4 ___forwarding___ + 1572
			4   CoreFoundation                	0x19a0ed5a0 _CF_forwarding_prep_0 + 96
			5   Ledger                        	0x1045a21f0 SettingsStore.load() + 88 (SettingsStore.swift:41)
			6   Ledger                        	0x1045a3a14 SettingsViewController.viewDidLoad() + 412 (SettingsViewController.swift:27)
			7   UIKitCore                     	0x19c6f9a10 -[UIViewController _sendViewDidLoadWithAppearanceProxyObjectTaggingEnabled] + 84

			Thread 0 name:   Dispatch queue: com.apple.main-thread
			Thread 0 Crashed:
			0   libsystem_kernel.dylib        	0x1e6c1f42c __pthread_kill + 8
			1   libsystem_pthread.dylib       	0x1f9e52c0c pthread_kill + 268
			2   libsystem_c.dylib             	0x1a1b0fba0 abort + 180
			3   libc++abi.dylib               	0x1f9d6cca4 abort_message + 132
			4   libobjc.A.dylib               	0x19766ce2c _objc_terminate() + 156
			5   libc++abi.dylib               	0x1f9d6c00c std::terminate() + 108

			Binary Images:
			       0x104590000 -        0x1046fffff Ledger arm64  <1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f> /private/var/containers/Bundle/Application/Ledger.app/Ledger
			""";

	/** Watchdog: the main thread blocked at launch for longer than FrontBoard allows. */
	static final String WATCHDOG = """
			Exception Type:  EXC_CRASH (SIGKILL)
			Exception Codes: 0x0000000000000000, 0x0000000000000000
			Termination Reason: Namespace FRONTBOARD, Code 0x8badf00d
			Termination Description: SPRINGBOARD, scene-create watchdog transgression: application<com.example.notes>:412 exhausted real (wall clock) time allowance of 19.97 seconds | ProcessVisibility: Foreground | ProcessState: Running | WatchdogEvent: scene-create | WatchdogCPUStatistics: ( | "Elapsed total CPU time (seconds): 2.140 (user 1.220, system 0.920), 5% CPU" | )
			Triggered by Thread:  0

			Thread 0 name:   Dispatch queue: com.apple.main-thread
			Thread 0 Crashed:
			0   libsystem_kernel.dylib        	0x00000001e6c1ab18 semaphore_wait_trap + 8
			1   libdispatch.dylib             	0x00000001a1a4f1d4 _dispatch_sema4_wait + 28
			2   libdispatch.dylib             	0x00000001a1a4f860 _dispatch_semaphore_wait_slow + 132
			3   Notes                         	0x0000000102a41c10 NotesDatabase.openSynchronously() + 244 (NotesDatabase.swift:61)
			4   Notes                         	0x0000000102a3b2e4 AppDelegate.application(_:didFinishLaunchingWithOptions:) + 300 (AppDelegate.swift:19)
			5   UIKitCore                     	0x000000019c7d3d34 -[UIApplication _handleDelegateCallbacksWithOptions:isSuspended:restoreState:] + 340
			""";

	/**
	 * Swift runtime trap, no Application Specific Information: the trap frame is all that
	 * says why.
	 */
	static final String SWIFT_TRAP = """
			Exception Type:  EXC_BREAKPOINT (SIGTRAP)
			Exception Codes: 0x0000000000000001, 0x000000019a8d1a3c
			Termination Reason: Namespace SIGNAL, Code 5 Trace/BPT trap: 5
			Terminating Process: exc handler [1788]

			Triggered by Thread:  0

			Thread 0 Crashed:
			0   libswiftCore.dylib            	0x000000019a8d1a3c _assertionFailure(_:_:file:line:flags:) + 264
			1   Profiles                      	0x00000001008b4e10 ProfileViewController.viewDidLoad() + 412 (ProfileViewController.swift:88)
			2   Profiles                      	0x00000001008b4f2c @objc ProfileViewController.viewDidLoad() + 28
			3   UIKitCore                     	0x000000019c6f9a10 -[UIViewController _sendViewDidLoadWithAppearanceProxyObjectTaggingEnabled] + 84
			""";

	/**
	 * macOS Network Extension provider: a libdispatch assertion inside the packet tunnel.
	 */
	static final String TUNNEL_PROVIDER = """
			-------------------------------------
			Translated Report (Full Report Below)
			-------------------------------------

			Process:               com.example.vpn.tunnel [633]
			Path:                  /Applications/ExampleVPN.app/Contents/PlugIns/Tunnel.appex/Contents/MacOS/com.example.vpn.tunnel
			Identifier:            com.example.vpn.tunnel
			Code Type:             ARM-64 (Native)
			Parent Process:        launchd [1]
			OS Version:            macOS 15.3 (24D60)

			Crashed Thread:        2  Dispatch queue: com.example.vpn.packets

			Exception Type:        EXC_BREAKPOINT (SIGTRAP)
			Exception Codes:       0x0000000000000001, 0x00000001a1a5e5a4

			Termination Reason:    Namespace SIGNAL, Code 5 Trace/BPT trap: 5
			Terminating Process:   exc handler [633]

			Application Specific Information:
			BUG IN CLIENT OF LIBDISPATCH: Assertion failed: Block was expected to execute on queue [com.apple.main-thread (0x1f3a8c0c0)]

			Thread 2 Crashed:: Dispatch queue: com.example.vpn.packets
			0   libdispatch.dylib             	       0x1a1a5e5a4 _dispatch_assert_queue_fail + 120
			1   libdispatch.dylib             	       0x1a1a5e52c dispatch_assert_queue + 196
			2   com.example.vpn.tunnel        	       0x1002c3e18 PacketTunnelProvider.readPackets() + 96
			3   com.example.vpn.tunnel        	       0x1002c2b40 closure #1 in PacketTunnelProvider.startTunnel(options:completionHandler:) + 320
			4   NetworkExtension              	       0x1b2e4a7d0 __80-[NEPacketTunnelFlow readPacketObjectsWithCompletionHandler:]_block_invoke + 64
			5   libdispatch.dylib             	       0x1a1a4e13c _dispatch_call_block_and_release + 32

			Binary Images:
			       0x1002b8000 -        0x1002fffff com.example.vpn.tunnel (1.4) <474926C5-CFA7-0DD5-F0D0-3D3B40CBA8D2> /Applications/ExampleVPN.app/Contents/PlugIns/Tunnel.appex/Contents/MacOS/com.example.vpn.tunnel
			""";

	/**
	 * Endpoint Security client killed for answering too late; .ips with the body on one
	 * line.
	 */
	static final String ENDPOINT_SECURITY_IPS = """
			{"app_name":"com.example.esagent","timestamp":"2025-06-03 10:21:07.00 +0200","bug_type":"309","os_version":"macOS 15.5 (24F74)","name":"com.example.esagent","incident_id":"0C5B2E61-7B7A-4E9A-9F43-5C2A1F1D7E10"}
			{"uptime":81233,"procRole":"Unspecified","version":2,"userID":0,"modelCode":"Mac14,9","pid":812,"procName":"com.example.esagent","procPath":"\\/Library\\/SystemExtensions\\/6B1F\\/com.example.esagent.systemextension\\/Contents\\/MacOS\\/com.example.esagent","exception":{"codes":"0x0000000000000000, 0x0000000000000000","rawCodes":[0,0],"type":"EXC_CRASH","signal":"SIGKILL"},"termination":{"flags":0,"code":2,"namespace":"ENDPOINTSECURITY","indicator":"Client did not respond in time to auth event ES_EVENT_TYPE_AUTH_OPEN"},"faultingThread":3,"threads":[{"id":9911,"queue":"com.apple.main-thread","frames":[{"imageOffset":6264,"symbol":"mach_msg2_trap","symbolLocation":8,"imageIndex":0}]},{"id":9912,"frames":[{"imageOffset":12080,"symbol":"start_wqthread","symbolLocation":0,"imageIndex":1}]},{"id":9913,"frames":[]},{"triggered":true,"id":9915,"queue":"com.example.esagent.auth","frames":[{"imageOffset":16472,"symbol":"__psynch_cvwait","symbolLocation":8,"imageIndex":0},{"imageOffset":28784,"symbol":"_pthread_cond_wait","symbolLocation":984,"imageIndex":1},{"imageOffset":52412,"symbol":"PolicyCache::lookup(std::string const&)","symbolLocation":92,"imageIndex":2},{"imageOffset":48120,"symbol":"handleAuthOpen(es_client_t*, es_message_t const*)","symbolLocation":300,"imageIndex":2},{"imageOffset":9316,"symbol":"es_dispatch_message","symbolLocation":64,"imageIndex":3}]}],"usedImages":[{"source":"P","arch":"arm64e","base":6442450944,"name":"libsystem_kernel.dylib","path":"\\/usr\\/lib\\/system\\/libsystem_kernel.dylib","uuid":"538afe45-f6ef-3c13-1b75-c0c272f79343"},{"source":"P","arch":"arm64e","base":6443499520,"name":"libsystem_pthread.dylib","path":"\\/usr\\/lib\\/system\\/libsystem_pthread.dylib"},{"source":"P","arch":"arm64","base":4295032832,"name":"com.example.esagent","path":"\\/Library\\/SystemExtensions\\/6B1F\\/com.example.esagent.systemextension\\/Contents\\/MacOS\\/com.example.esagent"},{"source":"P","arch":"arm64e","base":7516192768,"path":"\\/usr\\/lib\\/libEndpointSecurity.dylib"}]}
			""";

	/** Swift fatalError in a pretty-printed .ips: the runtime's message is in "asi". */
	static final String FATAL_ERROR_IPS = """
			{"app_name":"Atlas","timestamp":"2025-04-22 18:02:51.00 +0200","app_version":"2.0","bug_type":"309","os_version":"iPhone OS 18.4 (22E240)","name":"Atlas"}
			{
			  "uptime" : 4211,
			  "procName" : "Atlas",
			  "exception" : {"codes":"0x0000000000000001, 0x00000001a23c5d40","rawCodes":[1,6978551104],"type":"EXC_BREAKPOINT","signal":"SIGTRAP"},
			  "termination" : {"flags":0,"code":5,"namespace":"SIGNAL","indicator":"Trace\\/BPT trap: 5","byProc":"exc handler","byPid":3310},
			  "asi" : {"libswiftCore.dylib":["Atlas\\/MapStore.swift:57: Fatal error: Unexpectedly found nil while unwrapping an Optional value"]},
			  "faultingThread" : 0,
			  "threads" : [
			    {
			      "triggered" : true,
			      "id" : 150233,
			      "queue" : "com.apple.main-thread",
			      "frames" : [
			        {"imageOffset":232768,"symbol":"_assertionFailure(_:_:file:line:flags:)","symbolLocation":264,"imageIndex":1},
			        {"imageOffset":81424,"sourceLine":57,"sourceFile":"MapStore.swift","symbol":"MapStore.region(for:)","imageIndex":0,"symbolLocation":180},
			        {"imageOffset":79012,"sourceLine":22,"sourceFile":"MapViewController.swift","symbol":"MapViewController.viewWillAppear(_:)","imageIndex":0,"symbolLocation":96}
			      ]
			    }
			  ],
			  "usedImages" : [
			    {"source":"P","arch":"arm64","base":4298342400,"name":"Atlas","path":"\\/private\\/var\\/containers\\/Bundle\\/Application\\/Atlas.app\\/Atlas"},
			    {"source":"P","arch":"arm64e","base":6978318336,"name":"libswiftCore.dylib","path":"\\/usr\\/lib\\/swift\\/libswiftCore.dylib"}
			  ]
			}
			""";

}
