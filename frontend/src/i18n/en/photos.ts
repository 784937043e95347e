/** English texts of the "photos" namespace: the item page's photo section. */
export default {
  section: {
    title: "Photos",
    descriptionEdit: "Drag images here, or choose them. Metadata (like GPS) is removed.",
    descriptionView: "Photos of this item.",
    choose: "Choose photos to upload",
    add: "Add photos",
    loading: "Loading photos",
    loadError: "Could not load the photos",
    emptyTitle: "No photos yet",
    emptyDescription: "Drop images here or choose files; the first one becomes the cover.",
    list: "Photos",
    uploads: "Uploads",
    onlyImages: "Only images can be added: JPEG, PNG, WebP or GIF.",
  },
  fromPage: {
    fetching: "Fetching…",
    useImage: "Use the tracked page's image",
    useNthImage: "Use tracked page {{n}}'s image",
    added: "Added the tracked page's image.",
  },
  tile: {
    alt: "Photo {{n}}",
    altCover: "Photo {{n}} (cover)",
    cover: "Cover",
    moveEarlier: "Move Photo {{n}} earlier",
    moveLater: "Move Photo {{n}} later",
    makeCover: "Make Photo {{n}} the cover",
    delete: "Delete Photo {{n}}",
  },
  upload: {
    dismiss: "Dismiss {{name}}",
    progress: "Uploading {{name}}",
    failed: "Upload failed.",
  },
} as const;
