package cn.vanguard.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Base64;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

/** The QR code on a slip reads back as the activation address it was made of. */
class QrCodesTest {

    @Test
    void theImageOfASlipsQrCodeReadsBackAsTheActivationAddress() throws Exception {
        String url = "https://jifen.example.cn/vanguard/activate?username=m00012-345";
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(QrCodes.pngBase64(url))));
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        String read = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)))).getText();
        assertThat(read).isEqualTo(url);
    }
}
