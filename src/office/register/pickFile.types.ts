export interface PickedFile {
  name: string;
  size: number;
  contentBase64: string;
}
