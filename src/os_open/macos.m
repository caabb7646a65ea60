// Dossier on macOS: folders and files handed to the app by the system.
//
// A folder dropped on the Dock icon, "Open With" in Finder, or
// `open -a Dossier FOLDER` reach an app as an "open documents" Apple Event,
// not as command-line arguments, both at launch and while it runs. winit's
// application delegate does not answer that event, so we install our own
// handler for it. Each path goes to Rust (`dossier_open_path` in mod.rs).
// Compiled by build.rs for macOS targets only, with ARC.

#import <AppKit/AppKit.h>
#import <CoreServices/CoreServices.h> // Apple Event constants

// Defined in Rust: takes the path as the file system's NUL-terminated bytes.
void dossier_open_path(const char *path);

@interface DossierOpenDocuments : NSObject
- (void)openDocuments:(NSAppleEventDescriptor *)event
            withReply:(NSAppleEventDescriptor *)reply;
@end

@implementation DossierOpenDocuments

- (void)openDocuments:(NSAppleEventDescriptor *)event
            withReply:(NSAppleEventDescriptor *)reply {
    (void)reply; // nothing to answer
    NSAppleEventDescriptor *items = [event paramDescriptorForKeyword:keyDirectObject];
    if (items == nil) {
        return;
    }
    NSAppleEventDescriptor *list = [items coerceToDescriptorType:typeAEList];
    NSInteger count = list != nil ? [list numberOfItems] : 0;
    if (count == 0) {
        // A single document rather than a list.
        [self openItem:items];
        return;
    }
    // Apple Event lists count from 1.
    for (NSInteger i = 1; i <= count; i++) {
        [self openItem:[list descriptorAtIndex:i]];
    }
}

- (void)openItem:(NSAppleEventDescriptor *)item {
    if (item == nil) {
        return;
    }
    NSURL *url = [item fileURLValue];
    if (url == nil || ![url isFileURL]) {
        return;
    }
    const char *path = [url fileSystemRepresentation];
    if (path != NULL) {
        dossier_open_path(path);
    }
}

@end

static DossierOpenDocuments *handler = nil;

static void install_handler(void) {
    [[NSAppleEventManager sharedAppleEventManager]
        setEventHandler:handler
            andSelector:@selector(openDocuments:withReply:)
          forEventClass:kCoreEventClass
             andEventID:kAEOpenDocuments];
}

// Called once from Rust before the event loop starts.
void dossier_install_open_handler(void) {
    @autoreleasepool {
        if (handler != nil) {
            return;
        }
        handler = [[DossierOpenDocuments alloc] init];
        install_handler();
        // NSApplication installs its own handlers while it starts; Apple's
        // advice is to install ours when launching is about to finish, which
        // is still before the system sends the documents the app was started
        // with.
        [[NSNotificationCenter defaultCenter]
            addObserverForName:NSApplicationWillFinishLaunchingNotification
                        object:nil
                         queue:nil
                    usingBlock:^(NSNotification *note) {
                      (void)note;
                      install_handler();
                    }];
    }
}
